import type { AuditEventDto, AuditListResponse, AuditQuery, AuditVerifyResponse } from '@shared/contracts/audit';
import { type SqlBool, sql } from 'kysely';
import { eventFromRow, verifyAuditChain } from '../../platform/audit';
import { auditCall, requirePermission, scopeOf } from '../../platform/authz';
import type { ServiceContext } from '../../platform/context';
import { inScope } from '../../platform/db-scope';

/**
 * Searches the audit log, newest first: "who accessed this person's record, when, from which
 * unit" is `recordKind` + `recordId`. Auditors only; the search itself is audited.
 */
export async function listAuditEvents(ctx: ServiceContext, query: AuditQuery): Promise<AuditListResponse> {
  const actor = requirePermission(ctx, 'audit:read');
  return inScope(ctx.db, scopeOf(actor), async (trx) => {
    let q = trx
      .selectFrom('audit_event')
      .selectAll()
      .orderBy('seq', 'desc')
      .limit(query.limit + 1);
    if (query.userId) q = q.where('actor_user_id', '=', query.userId);
    if (query.username) q = q.where('actor_username', '=', query.username.toLowerCase());
    if (query.recordKind) q = q.where('record_kind', '=', query.recordKind);
    if (query.recordId) q = q.where('record_id', '=', query.recordId);
    if (query.action) q = q.where('action', '=', query.action);
    if (query.outcome) q = q.where('outcome', '=', query.outcome);
    // Dates are calendar days in Việt Nam (UTC+7).
    if (query.from) q = q.where(sql<SqlBool>`occurred_at >= (${query.from}::date::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')`);
    if (query.to) q = q.where(sql<SqlBool>`occurred_at < ((${query.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')`);
    if (query.before) q = q.where('seq', '<', String(query.before));
    const rows = await q.execute();
    const page = rows.slice(0, query.limit);
    await auditCall(trx, ctx, actor, {
      action: 'audit.search',
      outcome: 'success',
      recordKind: query.recordKind ?? null,
      recordId: query.recordId ?? null,
      details: { results: page.length, byUser: query.userId ?? query.username ?? null },
    });
    const items: AuditEventDto[] = page.map((row) => ({
      ...eventFromRow(row),
      outcome: row.outcome as AuditEventDto['outcome'],
    }));
    const last = page.at(-1);
    return { items, nextBefore: rows.length > query.limit && last ? Number(last.seq) : null };
  });
}

/** Walks the hash chain (the same check as `npm run pcmt -- audit verify`). */
export async function verifyAudit(ctx: ServiceContext): Promise<AuditVerifyResponse> {
  const actor = requirePermission(ctx, 'audit:verify');
  return inScope(ctx.db, scopeOf(actor), async (trx) => {
    const result = await verifyAuditChain(trx);
    await auditCall(trx, ctx, actor, {
      action: 'audit.verify',
      outcome: result.ok ? 'success' : 'failure',
      details: { checked: result.checked },
    });
    return result;
  });
}
