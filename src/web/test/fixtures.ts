import type { AgencyDto } from '@shared/contracts/agencies';
import type { CurrentUserDto, SessionResponse, SessionStage } from '@shared/contracts/auth';
import type { UnitAncestorDto, UnitDto, UnitPeriodDto } from '@shared/contracts/units';
import { ROLE_PERMISSIONS, type Role } from '@shared/permissions';
import { on } from './fake-api';

/** Reference dates the fake server answers with: the current period is "today" = 2026-03-15. */
export const CURRENT_AT = '2026-03-15';
export const PRE2025_AT = '2025-06-30';

export const PERIODS: UnitPeriodDto[] = [
  {
    id: 'vn-pre-2025',
    titleVi: 'Trước 01/07/2025: 63 tỉnh, 696 huyện, 10.035 xã',
    titleEn: 'Before 1 July 2025: 63 provinces, 696 districts, 10,035 communes',
    validFrom: null,
    validTo: '2025-06-30',
    referenceDate: PRE2025_AT,
    levels: ['province', 'district', 'commune'],
    source: 'test data',
    license: 'MIT',
  },
  {
    id: 'vn-2025',
    titleVi: 'Từ 01/07/2025: 34 tỉnh, 3.321 xã',
    titleEn: 'From 1 July 2025: 34 provinces, 3,321 communes',
    validFrom: '2025-07-01',
    validTo: null,
    referenceDate: CURRENT_AT,
    levels: ['province', 'commune'],
    source: 'test data',
    license: 'MIT',
  },
];

export function unit(overrides: Partial<UnitDto> & Pick<UnitDto, 'code' | 'name' | 'fullName'>): UnitDto {
  return {
    id: `id-${overrides.code}-${overrides.validTo ?? 'now'}`,
    level: 'commune',
    kind: 'ward',
    nameEn: null,
    parentCode: null,
    path: [overrides.code],
    validFrom: '2025-07-01',
    validTo: null,
    altCodes: [],
    childCount: 0,
    note: null,
    ...overrides,
  };
}

export const HANOI = unit({
  code: '01',
  name: 'Hà Nội',
  fullName: 'Thành phố Hà Nội',
  level: 'province',
  kind: 'central_city',
  childCount: 126,
});
export const HANOI_ANCESTOR: UnitAncestorDto = {
  code: '01',
  level: 'province',
  kind: 'central_city',
  name: 'Hà Nội',
  fullName: 'Thành phố Hà Nội',
};

/** Phường Ba Đình from 01/07/2025, code 00004 (the code of the old Phường Trúc Bạch). */
export const BA_DINH_WARD = unit({
  code: '00004',
  name: 'Ba Đình',
  fullName: 'Phường Ba Đình',
  nameEn: 'Ba Dinh',
  parentCode: '01',
  path: ['01', '00004'],
});

export const AGENCIES: AgencyDto[] = [
  {
    code: 'CA_TINH',
    kind: 'police',
    level: 'province',
    parentCode: null,
    nameVi: 'Công an tỉnh',
    nameEn: 'Provincial Police',
    shortName: 'CAT',
    description: 'Cơ quan thường trực phòng, chống ma túy của tỉnh.',
    sortOrder: 10,
    validFrom: null,
    validTo: null,
    active: true,
  },
  {
    code: 'PC04',
    kind: 'police',
    level: 'province',
    parentCode: 'CA_TINH',
    nameVi: 'Phòng Cảnh sát điều tra tội phạm về ma túy',
    nameEn: 'Drug Crime Investigation Police Division (PC04)',
    shortName: 'PC04',
    description: null,
    sortOrder: 11,
    validFrom: null,
    validTo: null,
    active: true,
  },
];

export const RETIRED_AGENCY: AgencyDto = {
  code: 'SO_LDTBXH',
  kind: 'social_affairs',
  level: 'province',
  parentCode: null,
  nameVi: 'Sở Lao động - Thương binh và Xã hội',
  nameEn: 'Department of Labour, Invalids and Social Affairs',
  shortName: 'Sở LĐTBXH',
  description: null,
  sortOrder: 90,
  validFrom: null,
  validTo: '2025-02-28',
  active: false,
};

/** The logged-in officer of the tests (a fake person: "Cán bộ Thử nghiệm"). */
export function currentUser(roles: Role[] = ['provincial_officer'], overrides: Partial<CurrentUserDto> = {}): CurrentUserDto {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    username: 'canbo.thunghiem',
    displayName: 'Cán bộ Thử nghiệm',
    roles,
    unit: { id: 'id-01-now', code: '01', fullName: 'Thành phố Hà Nội', path: ['01'] },
    agency: {
      code: 'PC04',
      nameVi: 'Phòng Cảnh sát điều tra tội phạm về ma túy',
      nameEn: 'Drug Crime Investigation Police Division (PC04)',
    },
    // As the server derives them from the roles (src/shared/permissions.ts).
    permissions: [...new Set(roles.flatMap((role) => ROLE_PERMISSIONS[role]))],
    mustChangePassword: false,
    mfaEnrolled: true,
    ...overrides,
  };
}

export function session(stage: SessionStage, user: CurrentUserDto = currentUser(), csrfToken = `csrf-${stage}`): SessionResponse {
  return { stage, user, csrfToken, expiresAt: '2026-03-15T12:00:00.000Z', idleTimeoutSeconds: 900 };
}

/** `GET /api/auth/me` answering with an active session of a user holding `roles`. */
export function signedIn(roles: Role[] = ['provincial_officer'], overrides: Partial<CurrentUserDto> = {}) {
  return on('/api/auth/me', session('active', currentUser(roles, overrides)));
}

/** `GET /api/auth/me` answering 401: nobody is logged in. */
export function signedOut() {
  return on(
    '/api/auth/me',
    { code: 'AUTH_REQUIRED', message: 'Phiên làm việc đã hết hạn hoặc chưa đăng nhập. Hãy đăng nhập lại.', requestId: 'r-me' },
    401,
  );
}
