import type {
  UnitDetailResponse,
  UnitLinkDto,
  UnitListQuery,
  UnitListResponse,
  UnitPeriodsResponse,
  UnitPredecessorsResponse,
  UnitSearchQuery,
  UnitSearchResponse,
  UnitSubtreeResponse,
  UnitSuccessorsResponse,
} from '@shared/contracts/units';
import { todayInVietnam } from '@shared/dates';
import { compareVi, foldVi, searchWords } from '@shared/text/vi';
import type { ServiceContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { presentAncestor, presentUnit } from './units.presenter';
import * as repo from './units.repo';

/** Last day of the three-level hierarchy: the default date on which an "old" code is looked up. */
export const LAST_DAY_BEFORE_REFORM = '2025-06-30';

/** Administrative units are public reference data: no personal data, so reads are not audited. */

async function requireUnit(ctx: ServiceContext, code: string, at: string): Promise<repo.UnitRecord> {
  const unit = await repo.findByCode(ctx.db, code, at);
  if (!unit) throw new AppError('UNIT_NOT_FOUND', { code, at });
  return unit;
}

async function ancestorsOf(ctx: ServiceContext, unit: repo.UnitRecord, at: string) {
  const codes = unit.path.split('.').slice(0, -1);
  const rows = await repo.findByCodes(ctx.db, codes, at);
  return codes.flatMap((code) => rows.filter((r) => r.code === code)).map(presentAncestor);
}

/** Lists the children of a unit (or the provinces) valid on a date. */
export async function listUnits(ctx: ServiceContext, query: UnitListQuery): Promise<UnitListResponse> {
  const at = query.at ?? todayInVietnam(ctx.clock());
  const parent = query.parent ? await requireUnit(ctx, query.parent, at) : null;
  const rows = await repo.listChildren(ctx.db, parent?.code ?? null, at);
  if (query.sort === 'name') rows.sort((a, b) => compareVi(a.name, b.name) || a.code.localeCompare(b.code));
  return { at, parent: parent ? presentUnit(parent) : null, items: rows.map(presentUnit) };
}

/** One unit valid on a date, with its ancestors. */
export async function getUnit(ctx: ServiceContext, code: string, atInput?: string): Promise<UnitDetailResponse> {
  const at = atInput ?? todayInVietnam(ctx.clock());
  const unit = await requireUnit(ctx, code, at);
  return { at, unit: presentUnit(unit), ancestors: await ancestorsOf(ctx, unit, at) };
}

/** Every unit below a unit, down to `depth` levels. */
export async function getSubtree(
  ctx: ServiceContext,
  code: string,
  input: { at?: string | undefined; depth: number },
): Promise<UnitSubtreeResponse> {
  const at = input.at ?? todayInVietnam(ctx.clock());
  const root = await requireUnit(ctx, code, at);
  const rows = await repo.listSubtree(ctx.db, root.path, at, input.depth);
  return { at, root: presentUnit(root), items: rows.map(presentUnit) };
}

/**
 * Searches unit names: "ba dinh" finds "Phường Ba Đình", "dinh ba" too, and "ba dihn" through
 * trigram similarity. A 2-, 3- or 5-digit query also matches codes.
 */
export async function searchUnits(ctx: ServiceContext, query: UnitSearchQuery): Promise<UnitSearchResponse> {
  const at = query.at ?? todayInVietnam(ctx.clock());
  const within = query.within ? await requireUnit(ctx, query.within, at) : undefined;
  const found = await repo.search(ctx.db, {
    words: searchWords(query.q),
    folded: searchWords(query.q).join(' ') || foldVi(query.q),
    at,
    ...(query.level ? { level: query.level } : {}),
    ...(within ? { withinPath: within.path } : {}),
    limit: query.limit,
  });
  // Typo-tolerant hits only help when nothing matched properly; next to real matches they are noise.
  const isFuzzy = (row: repo.SearchRecord) =>
    !row.all_words && !row.exact && row.code !== query.q.trim() && !row.alt_codes.includes(query.q.trim());
  const rows = found.some((row) => !isFuzzy(row)) ? found.filter((row) => !isFuzzy(row)) : found;
  const ancestorCodes = [...new Set(rows.flatMap((r) => r.path.split('.').slice(0, -1)))];
  const ancestors = new Map((await repo.findByCodes(ctx.db, ancestorCodes, at)).map((r) => [r.code, presentAncestor(r)]));
  return {
    at,
    items: rows.map((row) => ({
      unit: presentUnit(row),
      ancestors: row.path
        .split('.')
        .slice(0, -1)
        .flatMap((code) => ancestors.get(code) ?? []),
      fuzzy: isFuzzy(row),
    })),
  };
}

/**
 * Which units valid on `target` an old unit became. Provinces and communes carry their own
 * links; a former district (abolished on 01/07/2025) is answered through its communes.
 */
export async function mapOldUnit(
  ctx: ServiceContext,
  code: string,
  input: { at?: string | undefined; target?: string | undefined },
): Promise<UnitSuccessorsResponse> {
  const at = input.at ?? LAST_DAY_BEFORE_REFORM;
  const target = input.target ?? todayInVietnam(ctx.clock());
  const unit = await requireUnit(ctx, code, at);
  let links = await repo.findSuccessors(ctx.db, [unit.id], target);
  let viaCodes = new Map<string, string>();
  if (links.length === 0 && unit.level === 'district') {
    const communes = await repo.listChildren(ctx.db, unit.code, at);
    viaCodes = new Map(communes.map((c) => [c.id, c.code]));
    links = await repo.findSuccessors(
      ctx.db,
      communes.map((c) => c.id),
      target,
    );
  }
  const units = new Map((await repo.findByIds(ctx.db, [...new Set(links.map((l) => l.unit_id))], target)).map((u) => [u.id, u]));
  const grouped = new Map<string, repo.LinkRecord[]>();
  for (const link of links) grouped.set(link.unit_id, [...(grouped.get(link.unit_id) ?? []), link]);
  const wholeDistrictInOne = grouped.size === 1;
  const successors: UnitLinkDto[] = [...grouped.entries()].flatMap(([unitId, group]) => {
    const successor = units.get(unitId);
    const first = group[0];
    if (!successor || !first) return [];
    const via = group.flatMap((l) => viaCodes.get(l.origin_id) ?? []).sort();
    const allFull = group.every((l) => l.kind === 'full');
    const kind =
      viaCodes.size > 0 ? (wholeDistrictInOne && allFull && via.length === viaCodes.size ? 'full' : 'partial') : first.kind;
    return [{ unit: presentUnit(successor), kind, effectiveDate: first.effective_date, legalBasis: first.legal_basis, via }];
  });
  successors.sort((a, b) => a.unit.path.join('.').localeCompare(b.unit.path.join('.')));
  return { at, target, unit: presentUnit(unit), ancestors: await ancestorsOf(ctx, unit, at), successors };
}

/** The earlier units that became (part of) a unit, with their own ancestors on their last day. */
export async function listPredecessors(ctx: ServiceContext, code: string, atInput?: string): Promise<UnitPredecessorsResponse> {
  const at = atInput ?? todayInVietnam(ctx.clock());
  const unit = await requireUnit(ctx, code, at);
  const links = await repo.findPredecessors(ctx.db, unit.id);
  const rows = new Map(
    (
      await repo.findByIds(
        ctx.db,
        links.map((l) => l.unit_id),
        null,
      )
    ).map((r) => [r.id, r]),
  );
  const ancestorRows = new Map<string, repo.UnitRecord[]>();
  for (const row of rows.values()) {
    const day = row.valid_to ?? at;
    if (!ancestorRows.has(day)) {
      const codes = [
        ...new Set([...rows.values()].filter((r) => (r.valid_to ?? at) === day).flatMap((r) => r.path.split('.').slice(0, -1))),
      ];
      ancestorRows.set(day, await repo.findByCodes(ctx.db, codes, day));
    }
  }
  const predecessors = links.flatMap((link) => {
    const row = rows.get(link.unit_id);
    if (!row) return [];
    const pool = ancestorRows.get(row.valid_to ?? at) ?? [];
    const ancestors = row.path
      .split('.')
      .slice(0, -1)
      .flatMap((c) => pool.filter((p) => p.code === c))
      .map(presentAncestor);
    return [
      {
        unit: presentUnit(row),
        kind: link.kind,
        effectiveDate: link.effective_date,
        legalBasis: link.legal_basis,
        via: [],
        ancestors,
      },
    ];
  });
  predecessors.sort(
    (a, b) =>
      (b.unit.validTo ?? '').localeCompare(a.unit.validTo ?? '') || a.unit.path.join('.').localeCompare(b.unit.path.join('.')),
  );
  return { at, unit: presentUnit(unit), predecessors };
}

/** The hierarchy periods loaded, for the UI's period switch. */
export async function listPeriods(ctx: ServiceContext): Promise<UnitPeriodsResponse> {
  const rows = await repo.listDatasets(ctx.db);
  const today = todayInVietnam(ctx.clock());
  return {
    items: rows.map((r) => ({
      id: r.id,
      titleVi: r.title_vi,
      titleEn: r.title_en,
      validFrom: r.valid_from,
      validTo: r.valid_to,
      referenceDate: r.valid_to ?? (r.valid_from && r.valid_from > today ? r.valid_from : today),
      levels: r.levels as UnitPeriodsResponse['items'][number]['levels'],
      source: r.source,
      license: r.license,
    })),
  };
}

/** Units by id with their code path, for other modules' presenters (a person's residences). */
export async function unitsByIds(ctx: ServiceContext, ids: string[]) {
  const rows = await repo.findByIds(ctx.db, [...new Set(ids)], null);
  return new Map(
    rows.map((row) => [
      row.id,
      { id: row.id, code: row.code, fullName: row.full_name, path: row.path.split('.'), level: row.level },
    ]),
  );
}
