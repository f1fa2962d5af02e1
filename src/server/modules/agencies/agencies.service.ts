import type { AgencyCreateInput, AgencyDto, AgencyKind, AgencyLevel, AgencyUpdateInput } from '@shared/contracts/agencies';
import { todayInVietnam } from '@shared/dates';
import type { Kysely } from 'kysely';
import type { AgencyRow, DB } from '../../db/types';
import { AppError } from '../../platform/errors';
import * as repo from './agencies.repo';

interface AgencyContext {
  db: Kysely<DB>;
  clock: () => Date;
}

export function presentAgency(row: AgencyRow, today: string): AgencyDto {
  return {
    code: row.code,
    kind: row.kind as AgencyKind,
    level: row.level as AgencyLevel,
    parentCode: row.parent_code,
    nameVi: row.name_vi,
    nameEn: row.name_en,
    shortName: row.short_name,
    description: row.description,
    sortOrder: row.sort_order,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    active: (row.valid_from === null || row.valid_from <= today) && (row.valid_to === null || row.valid_to >= today),
  };
}

/** Lists agencies in display order; retired ones only when asked (for historical plans). */
export async function listAgencies(ctx: AgencyContext, input: { includeInactive: boolean }): Promise<AgencyDto[]> {
  const today = todayInVietnam(ctx.clock());
  const rows = await repo.list(ctx.db, { includeInactive: input.includeInactive, today });
  return rows.map((row) => presentAgency(row, today));
}

/**
 * Adds an agency (CLI today; the admin screen once accounts exist, issue 3). The code is checked
 * inside the transaction so that two concurrent adds cannot both succeed.
 */
export async function createAgency(ctx: AgencyContext, input: AgencyCreateInput): Promise<AgencyDto> {
  const today = todayInVietnam(ctx.clock());
  return ctx.db.transaction().execute(async (trx) => {
    if (await repo.findByCode(trx, input.code)) throw new AppError('AGENCY_CODE_TAKEN', { code: input.code });
    if (input.parentCode && !(await repo.findByCode(trx, input.parentCode))) {
      throw new AppError('AGENCY_PARENT_NOT_FOUND', { code: input.parentCode });
    }
    const row = await repo.insert(trx, {
      code: input.code,
      kind: input.kind,
      level: input.level,
      parent_code: input.parentCode,
      name_vi: input.nameVi,
      name_en: input.nameEn,
      short_name: input.shortName,
      description: input.description,
      sort_order: input.sortOrder,
      valid_from: input.validFrom,
      valid_to: null,
    });
    return presentAgency(row, today);
  });
}

/** Renames, reorders or retires (`validTo`) an agency. Its code never changes. */
export async function updateAgency(ctx: AgencyContext, code: string, input: AgencyUpdateInput): Promise<AgencyDto> {
  const today = todayInVietnam(ctx.clock());
  const changes = {
    ...(input.nameVi !== undefined ? { name_vi: input.nameVi } : {}),
    ...(input.nameEn !== undefined ? { name_en: input.nameEn } : {}),
    ...(input.shortName !== undefined ? { short_name: input.shortName } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.sortOrder !== undefined ? { sort_order: input.sortOrder } : {}),
    ...(input.validTo !== undefined ? { valid_to: input.validTo } : {}),
  };
  const row = await repo.update(ctx.db, code, changes);
  if (!row) throw new AppError('AGENCY_NOT_FOUND', { code });
  return presentAgency(row, today);
}

/** One agency by code, or AGENCY_NOT_FOUND (used by other modules to check a reference). */
export async function getAgency(ctx: AgencyContext, code: string): Promise<AgencyDto> {
  const row = await repo.findByCode(ctx.db, code);
  if (!row) throw new AppError('AGENCY_NOT_FOUND', { code });
  return presentAgency(row, todayInVietnam(ctx.clock()));
}
