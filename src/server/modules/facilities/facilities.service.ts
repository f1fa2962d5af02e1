import { randomUUID } from 'node:crypto';
import type {
  FacilitiesResponse,
  FacilityCreateBody,
  FacilityDto,
  FacilityType,
  FacilityUpdateBody,
} from '@shared/contracts/facilities';
import { ageOn, type ProcedureKind } from '@shared/workflow';
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { Executor } from '../../db/client';
import type { PersonTable } from '../../db/types';
import { auditCall, requireActor, requirePermission, scopeOf } from '../../platform/authz';
import type { ServiceContext } from '../../platform/context';
import { areaOf, inScope } from '../../platform/db-scope';
import { AppError } from '../../platform/errors';
import { asSystem, personFacts } from '../procedures/procedures.repo';
import * as repo from './facilities.repo';

/** The agency a facility of each type belongs to (migration 0004's defaults). */
const AGENCY_OF: Record<FacilityType, string> = {
  public_rehab: 'CS_CAI_NGHIEN',
  private_rehab: 'CS_CAI_NGHIEN',
  reform_school: 'CS_CAI_NGHIEN',
  social_reception: 'CS_CAI_NGHIEN',
  ost_clinic: 'CS_Y_TE',
  determination: 'CS_Y_TE',
};

/**
 * Which facility types may hold each step (DOMAIN.md §4.4–§4.7): determination at a qualified
 * health facility (NĐ 109/2021: addiction treatment or substitution in its scope); OST at a clinic;
 * voluntary rehab at a public or private facility; compulsory rehab only at a public one (or a
 * reform school for minors, Law 120/2025); interim management at a facility or reception centre.
 */
const TYPES_FOR: Partial<Record<ProcedureKind, Record<string, readonly FacilityType[]>>> = {
  determination: { '*': ['determination', 'ost_clinic'] },
  ost: { '*': ['ost_clinic'] },
  voluntary_rehab: { '*': ['public_rehab', 'private_rehab', 'reform_school'] },
  compulsory_rehab: { interim_management: ['public_rehab', 'social_reception'], '*': ['public_rehab', 'reform_school'] },
};
/** Steps that take a place at the facility (capacity is checked). */
const PLACING = new Set([
  'voluntary_rehab:register',
  'compulsory_rehab:admit',
  'compulsory_rehab:interim_management',
  'ost:register',
]);

type FacilityWithOccupancy = repo.FacilityRow & { occupancy: number | null };

function present(row: FacilityWithOccupancy): FacilityDto {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    type: row.type,
    agencyCode: row.agency_code,
    provinceCode: row.province_code,
    capacity: row.capacity,
    minAge: row.min_age,
    maxAge: row.max_age,
    licence: row.licence,
    active: row.active,
    occupancy: Number(row.occupancy ?? 0),
    version: row.version,
  };
}

function facilityField(message: { vi: string; en: string }, locale: 'vi' | 'en') {
  return new AppError('VALIDATION_FAILED', {}, [{ path: ['body', 'data', 'facilityId'], message: message[locale] }]);
}

/** Checks a facility chosen for a step: it exists, is active, has the right type, takes the person's age and has room. */
export async function checkFacility(
  trx: Executor,
  facilityId: string,
  kind: ProcedureKind,
  action: string,
  person: Selectable<PersonTable>,
  on: string,
  locale: 'vi' | 'en',
): Promise<void> {
  const [facility] = await asSystem(trx, () => repo.listFacilities(trx, { id: facilityId }));
  if (!facility?.active)
    throw facilityField(
      { vi: 'Cơ sở không tồn tại hoặc đã ngừng hoạt động.', en: 'The facility does not exist or is closed.' },
      locale,
    );
  const types = TYPES_FOR[kind]?.[action] ?? TYPES_FOR[kind]?.['*'];
  if (types && !types.includes(facility.type))
    throw facilityField(
      { vi: 'Loại cơ sở không phù hợp với thủ tục này.', en: 'This type of facility does not fit the procedure.' },
      locale,
    );
  const age = ageOn(personFacts(person), on);
  if (age < facility.min_age || (facility.max_age !== null && age > facility.max_age))
    throw facilityField(
      { vi: 'Cơ sở không tiếp nhận người ở độ tuổi này.', en: 'The facility does not take persons of this age.' },
      locale,
    );
  if (PLACING.has(`${kind}:${action}`) && facility.capacity !== null && Number(facility.occupancy ?? 0) >= facility.capacity)
    throw new AppError('FACILITY_FULL', { name: facility.name, capacity: facility.capacity });
}

/** Every facility, with occupancy (reference data: any logged-in user; counts only, no names). */
export async function listFacilitiesFor(
  ctx: ServiceContext,
  query: { type?: FacilityType },
): Promise<z.infer<typeof FacilitiesResponse>> {
  const actor = requireActor(ctx);
  const rows = await inScope(ctx.db, scopeOf(actor), (trx) => asSystem(trx, () => repo.listFacilities(trx, query)), ctx.clock());
  return { items: rows.map(present) };
}

function requireProvince(ctx: ServiceContext, provinceCode: string) {
  const actor = requirePermission(ctx, 'facility:manage');
  const area = areaOf(actor.roles, actor.unitPath);
  if (ctx.enforcement !== 'database-only' && area !== '*' && area !== provinceCode) throw new AppError('FORBIDDEN');
  return actor;
}

export async function createFacility(ctx: ServiceContext, body: FacilityCreateBody): Promise<FacilityDto> {
  const actor = requireProvince(ctx, body.provinceCode);
  const now = ctx.clock();
  return inScope(
    ctx.db,
    scopeOf(actor),
    async (trx) => {
      if (await repo.findByCode(trx, body.code)) throw new AppError('FACILITY_CODE_TAKEN', { code: body.code });
      if (body.maxAge !== null && body.maxAge < body.minAge)
        throw new AppError('VALIDATION_FAILED', {}, [
          {
            path: ['body', 'maxAge'],
            message: ctx.locale === 'vi' ? 'Tuổi tối đa nhỏ hơn tuổi tối thiểu.' : 'Maximum age is below the minimum.',
          },
        ]);
      const row = await repo.insertFacility(trx, {
        id: randomUUID(),
        code: body.code,
        name: body.name,
        type: body.type,
        agency_code: AGENCY_OF[body.type],
        province_code: body.provinceCode,
        capacity: body.capacity,
        min_age: body.minAge,
        max_age: body.maxAge,
        licence: body.licence || null,
        created_at: now,
        updated_at: now,
        updated_by: actor.userId,
      });
      await auditCall(trx, ctx, actor, {
        action: 'facility.create',
        outcome: 'success',
        recordKind: 'facility',
        recordId: row.id,
      });
      return present({ ...row, occupancy: 0 });
    },
    now,
  );
}

export async function updateFacilityFor(ctx: ServiceContext, id: string, body: FacilityUpdateBody): Promise<FacilityDto> {
  const actor = requirePermission(ctx, 'facility:manage');
  const now = ctx.clock();
  return inScope(
    ctx.db,
    scopeOf(actor),
    async (trx) => {
      const existing = await repo.findFacility(trx, id);
      if (!existing) throw new AppError('FACILITY_NOT_FOUND');
      requireProvince(ctx, existing.province_code);
      const minAge = body.minAge ?? existing.min_age;
      const maxAge = body.maxAge === undefined ? existing.max_age : body.maxAge;
      if (maxAge !== null && maxAge < minAge)
        throw new AppError('VALIDATION_FAILED', {}, [
          {
            path: ['body', 'maxAge'],
            message: ctx.locale === 'vi' ? 'Tuổi tối đa nhỏ hơn tuổi tối thiểu.' : 'Maximum age is below the minimum.',
          },
        ]);
      const row = await repo.updateFacility(trx, id, body.version, {
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(body.type !== undefined ? { type: body.type } : {}),
        ...(body.capacity !== undefined ? { capacity: body.capacity } : {}),
        ...(body.minAge !== undefined ? { min_age: body.minAge } : {}),
        ...(body.maxAge !== undefined ? { max_age: body.maxAge } : {}),
        ...(body.licence !== undefined ? { licence: body.licence || null } : {}),
        ...(body.active !== undefined ? { active: body.active } : {}),
        updated_at: now,
        updated_by: actor.userId,
      });
      if (!row) throw new AppError('VERSION_CONFLICT');
      await auditCall(trx, ctx, actor, { action: 'facility.update', outcome: 'success', recordKind: 'facility', recordId: id });
      const [withOccupancy] = await asSystem(trx, () => repo.listFacilities(trx, { id }));
      return present(withOccupancy ?? { ...row, occupancy: 0 });
    },
    now,
  );
}
