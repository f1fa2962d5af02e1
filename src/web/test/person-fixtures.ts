import type { PersonDto, PersonSummaryDto } from '@shared/contracts/persons';
import type { Role } from '@shared/permissions';
import { signedIn } from './fixtures';

/**
 * A fake person of the tests ("Nguyễn Văn Thử": no real person's data). The ID number fits a man
 * born in 1990 whose birth was registered in Hà Nội (001 · 0 · 90 · random).
 */
export const PERSON: PersonDto = {
  id: '11111111-1111-4111-8111-111111111111',
  version: 3,
  personalId: '001090012345',
  oldIdNumber: null,
  fullName: 'Nguyễn Văn Thử',
  aliases: ['Thử Béo'],
  birthDate: '1990-04-15',
  birthYear: 1990,
  sex: 'male',
  nationality: 'VN',
  ethnicity: 'Kinh',
  permanentResidence: null,
  temporaryResidence: null,
  currentResidence: {
    unit: { id: 'id-00004-now', code: '00004', fullName: 'Phường Ba Đình', path: ['01', '00004'] },
    address: 'Số 1, ngõ Thử Nghiệm',
  },
  hasStableResidence: true,
  occupation: 'Lao động tự do',
  phone: '0900000001',
  familyContacts: [{ relation: 'Mẹ', name: 'Trần Thị Thử', phone: null }],
  minor: false,
  classification: 'ADDICT_NOT_IN_TREATMENT',
  managingUnit: { id: 'id-00004-now', code: '00004', fullName: 'Phường Ba Đình' },
  fileOpenedAt: '2026-03-01',
  createdAt: '2026-03-01T02:00:00.000Z',
  updatedAt: '2026-03-10T03:00:00.000Z',
};

/** The list row of a person, with how the search found it. */
export function summary(person: PersonDto, match: PersonSummaryDto['match'] = 'words'): PersonSummaryDto {
  return {
    id: person.id,
    fullName: person.fullName,
    birthYear: person.birthYear,
    sex: person.sex,
    minor: person.minor,
    classification: person.classification,
    managingUnit: { code: person.managingUnit.code, fullName: person.managingUnit.fullName },
    match,
  };
}

/** A second fake person: a minor, found only by the typo-tolerant search. */
export const MINOR: PersonDto = {
  ...PERSON,
  id: '22222222-2222-4222-8222-222222222222',
  personalId: null,
  fullName: 'Nguyễn Văn Thữ',
  aliases: [],
  birthDate: null,
  birthYear: 2010,
  minor: true,
  classification: 'ILLEGAL_USER_UNDER_MANAGEMENT',
};

/** An officer of the Phường Ba Đình police (commune officer), as the server would describe the session. */
export function communeOfficer(roles: Role[] = ['commune_officer']) {
  return signedIn(roles, {
    unit: { id: 'id-00004-now', code: '00004', fullName: 'Phường Ba Đình', path: ['01', '00004'] },
    agency: { code: 'CA_XA_BA_DINH', nameVi: 'Công an phường Ba Đình', nameEn: 'Ba Dinh Ward Police' },
  });
}
