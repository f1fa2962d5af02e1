import { todayInVietnam } from '@shared/dates';
import { FIELD_MESSAGES, type FieldMessageKey, formatMessage } from '@shared/errors';
import type { Executor } from '../../db/client';
import { requireActor, scopeOf } from '../../platform/authz';
import type { Actor, ServiceContext } from '../../platform/context';
import { inScope } from '../../platform/db-scope';
import { AppError } from '../../platform/errors';
import { type AgencyParents, mayReadPlans, mayWritePlans } from './plans.policy';
import type { Names } from './plans.presenter';
import * as repo from './plans.repo';

/** Layer 1 of access control; skipped in the test mode where row-level security must hold alone. */
export function enforce(ctx: ServiceContext, allowed: boolean): void {
  if (ctx.enforcement !== 'database-only' && !allowed) throw new AppError('FORBIDDEN');
}

/** A 400 naming one field, in the request's language. */
export function fieldProblem(
  ctx: ServiceContext,
  path: (string | number)[],
  key: FieldMessageKey,
  params: Record<string, string> = {},
): AppError {
  return new AppError('VALIDATION_FAILED', {}, [{ path, message: formatMessage(FIELD_MESSAGES[key][ctx.locale], params) }]);
}

export function today(ctx: ServiceContext): string {
  return todayInVietnam(ctx.clock());
}

export interface Catalogue {
  names: Names;
  parents: AgencyParents;
  agencies: Map<string, { level: string; kind: string; name: string }>;
}

/** Agency and unit names for the DTOs, and the agencies' parents for the policy. */
export async function catalogue(trx: Executor, ctx: ServiceContext, paths: string[]): Promise<Catalogue> {
  const agencies = await repo.listAgencies(trx);
  const units = await repo.unitsByPath(trx, [...new Set(paths)], today(ctx));
  const unitMap = new Map(units.map((u) => [u.path, u]));
  const agencyMap = new Map(
    agencies.map((a) => [a.code, { level: a.level, kind: a.kind, name: ctx.locale === 'vi' ? a.name_vi : a.name_en }]),
  );
  return {
    agencies: agencyMap,
    // A division answers for its parent at the same level (PC04 for Công an tỉnh), not a subordinate
    // body at another level (a health facility is not the Department of Health).
    parents: new Map(
      agencies.map((a) => [a.code, agencies.find((p) => p.code === a.parent_code && p.level === a.level)?.code ?? null]),
    ),
    names: {
      agency: (code) => agencyMap.get(code)?.name ?? code,
      unit: (path) => {
        const unit = unitMap.get(path);
        // With its type ("Phường Ba Đình"), as officers write it (USER-JOURNEYS.md).
        return { code: unit?.code ?? path.split('.').pop() ?? path, name: unit?.full_name ?? path };
      },
    },
  };
}

/** The plan, or 404 when it does not exist or the caller may not see it (no existence leak). */
export async function planOr404(trx: Executor, id: string, visible: (plan: repo.PlanRow) => boolean, ctx: ServiceContext) {
  const plan = await repo.findPlan(trx, id);
  if (!plan || (ctx.enforcement !== 'database-only' && !visible(plan))) throw new AppError('PLAN_NOT_FOUND');
  return plan;
}

export function provinceOf(actor: Actor): string {
  return actor.unitPath.split('.')[0] ?? '';
}

/** The content of a base64 file within the limit; 413 beyond it. */
export function decodeFile(contentBase64: string, limitBytes: number): Buffer {
  const bytes = Buffer.from(contentBase64.replace(/\s+/g, ''), 'base64');
  if (bytes.length > limitBytes) throw new AppError('PLAN_DOCUMENT_TOO_LARGE', { maxMb: Math.floor(limitBytes / (1024 * 1024)) });
  return bytes;
}

/** Runs a plan use case in the caller's scope. */
export function asCaller<T>(ctx: ServiceContext, work: (trx: Executor, actor: Actor) => Promise<T>, write = true): Promise<T> {
  const actor = requireActor(ctx);
  enforce(ctx, write ? mayWritePlans(actor) : mayReadPlans(actor));
  return inScope(ctx.db, scopeOf(actor), (trx) => work(trx, actor), ctx.clock());
}
