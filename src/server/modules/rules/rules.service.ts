import type { RuleDto, RuleOverrideBody, RuleSetDto } from '@shared/contracts/rules';
import { FIELD_MESSAGES } from '@shared/errors';
import {
  type EffectiveRule,
  effectiveRule,
  RULE_SETS,
  RULE_VALUE_SCHEMAS,
  type RuleOverride,
  type RuleSetVersion,
  RuleValue,
  ruleKeysOf,
  ruleSetById,
  ruleSetOn,
} from '@shared/rules';
import type { Selectable } from 'kysely';
import type { Executor } from '../../db/client';
import type { RuleOverrideTable } from '../../db/types';
import { auditCall, requireActor, requirePermission, scopeOf } from '../../platform/authz';
import type { ServiceContext } from '../../platform/context';
import { inScope } from '../../platform/db-scope';
import { AppError } from '../../platform/errors';
import * as repo from './rules.repo';

function toOverride(row: Selectable<RuleOverrideTable>): RuleOverride {
  // A stored value the code no longer understands is a deployment fault, not a user's.
  return {
    ruleSetId: row.rule_set_id,
    ruleKey: row.rule_key,
    value: RuleValue.parse(row.value),
    citation: row.citation,
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
    updatedBy: row.updated_by,
  };
}

function lookupOf(rows: Selectable<RuleOverrideTable>[]) {
  const byKey = new Map(rows.map((row) => [`${row.rule_set_id}|${row.rule_key}`, toOverride(row)]));
  return (ruleSetId: string, ruleKey: string) => byKey.get(`${ruleSetId}|${ruleKey}`);
}

function presentRule(rule: EffectiveRule): RuleDto {
  const { ruleSetId, override, ...rest } = rule;
  return {
    ...rest,
    citation: { ...rule.citation, sources: [...rule.citation.sources] },
    originalCitation: { ...rule.originalCitation, sources: [...rule.originalCitation.sources] },
    inherited: rule.definedIn !== ruleSetId,
    override: override && {
      ruleSetId: override.ruleSetId,
      value: override.value,
      citation: override.citation,
      version: override.version,
      updatedAt: override.updatedAt,
      updatedBy: override.updatedBy,
    },
  };
}

function presentSet(set: RuleSetVersion, lookup: ReturnType<typeof lookupOf>): RuleSetDto {
  const rules = ruleKeysOf(set).flatMap((key) => {
    const rule = effectiveRule(set, key, lookup);
    return rule ? [presentRule(rule)] : [];
  });
  return {
    id: set.id,
    title: set.title,
    effectiveFrom: set.effectiveFrom,
    effectiveTo: set.effectiveTo,
    inherits: set.inherits,
    documents: set.documents.map((d) => ({ name: d.name, issued: d.issued ?? null, sources: [...d.sources] })),
    rules,
    confirmedCount: rules.filter((r) => r.confirmed).length,
    unconfirmedCount: rules.filter((r) => !r.confirmed).length,
  };
}

/**
 * The rule `key` in force on a decision date with the administrators' overrides, for services that
 * apply it inside their own transaction (a procedure stores the returned `ruleSetId`).
 */
export async function ruleInForce(trx: Executor, key: string, date: string): Promise<EffectiveRule | null> {
  const set = ruleSetOn(date);
  if (!set) return null;
  return effectiveRule(set, key, lookupOf(await repo.listOverrides(trx)));
}

/**
 * The rules in force on a decision date with the administrators' overrides, as a look-up for the
 * procedures' guards (src/shared/workflow); null before 01/01/2022.
 */
export async function rulesOn(trx: Executor, date: string): Promise<((key: string) => EffectiveRule | null) | null> {
  const set = ruleSetOn(date);
  if (!set) return null;
  const lookup = lookupOf(await repo.listOverrides(trx));
  return (key) => effectiveRule(set, key, lookup);
}

/** Every rule set with its rules, overrides applied: legal reference any logged-in user reads. */
export async function listRuleSets(ctx: ServiceContext): Promise<{ items: RuleSetDto[] }> {
  const actor = requireActor(ctx);
  const rows = await inScope(ctx.db, scopeOf(actor), (trx) => repo.listOverrides(trx), ctx.clock());
  const lookup = lookupOf(rows);
  return { items: RULE_SETS.map((set) => presentSet(set, lookup)) };
}

/** The rule set in force on a decision date (404 before 01/01/2022). */
export async function getRuleSetOn(ctx: ServiceContext, date: string): Promise<RuleSetDto> {
  const actor = requireActor(ctx);
  const set = ruleSetOn(date);
  if (!set) throw new AppError('RULE_SET_NONE_ON_DATE', { date });
  const rows = await inScope(ctx.db, scopeOf(actor), (trx) => repo.listOverrides(trx), ctx.clock());
  return presentSet(set, lookupOf(rows));
}

/**
 * Sets an administrator's value for an unconfirmed rule of a rule set (issue #5: [NC] values are
 * editable). A confirmed rule answers 409 RULE_CONFIRMED; the value must have the rule's kind;
 * `version` must be the current override's (none to create one). Audited as `rule.override`.
 */
export async function overrideRule(ctx: ServiceContext, id: string, key: string, body: RuleOverrideBody): Promise<RuleDto> {
  const actor = requirePermission(ctx, 'setting:manage');
  const set = ruleSetById(id);
  if (!set) throw new AppError('RULE_SET_NOT_FOUND', { id });
  const rule = effectiveRule(set, key);
  if (!rule) throw new AppError('RULE_NOT_FOUND', { id, key });
  if (rule.confirmed) throw new AppError('RULE_CONFIRMED', { key });
  const schema = rule.defaultValue ? RULE_VALUE_SCHEMAS[rule.defaultValue.kind] : RuleValue;
  const parsed = schema.safeParse(body.value);
  if (!parsed.success) {
    throw new AppError('VALIDATION_FAILED', {}, [{ path: ['body', 'value'], message: FIELD_MESSAGES.RULE_VALUE[ctx.locale] }]);
  }
  const now = ctx.clock();
  return inScope(
    ctx.db,
    scopeOf(actor),
    async (trx) => {
      const current = await repo.findOverrideForUpdate(trx, id, key);
      const conflict = () => {
        const present = current
          ? presentRule({ ...rule, value: RuleValue.parse(current.value), override: toOverride(current) })
          : null;
        return new AppError('VERSION_CONFLICT', {}, undefined, undefined, { current: present });
      };
      if ((current?.version ?? undefined) !== body.version) throw conflict();
      const changes = { value: parsed.data, citation: body.citation, updated_at: now, updated_by: actor.userId };
      const saved = current
        ? await repo.updateOverride(trx, id, key, current.version, changes)
        : await repo.insertOverride(trx, { rule_set_id: id, rule_key: key, ...changes });
      if (!saved) throw conflict();
      await auditCall(trx, ctx, actor, {
        action: 'rule.override',
        outcome: 'success',
        recordKind: 'rule',
        recordId: `${id}/${key}`,
        details: { version: saved.version, kind: parsed.data.kind },
      });
      const after = effectiveRule(set, key, lookupOf([saved]));
      if (!after) throw new AppError('RULE_NOT_FOUND', { id, key });
      return presentRule(after);
    },
    now,
  );
}
