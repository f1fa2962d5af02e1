import { z } from 'zod';
import { fieldError } from '../errors';
import { RuleValue } from '../rules/types';
import { IsoDate, userText } from './common';

/**
 * Rule sets (issue #5): the legal rules of each period with their citation, confirmation and any
 * administrator's override of an unconfirmed value. The rule data lives in `src/shared/rules`.
 */

export const RuleSetIdParams = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{3,40}$/, fieldError('RULE_SET_ID')),
});
export const RuleParams = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{3,40}$/, fieldError('RULE_SET_ID')),
  key: z.string().regex(/^[a-z0-9_.]{3,80}$/, fieldError('RULE_KEY')),
});
export const RuleSetDateParams = z.strictObject({ date: IsoDate });

/** A rule's legal basis as DOMAIN.md gives it. */
export const CitationDto = z.object({
  document: z.string(),
  article: z.string().optional(),
  /** Source numbers of DOMAIN.md §14 (`S3`, `S24b`, …). */
  sources: z.array(z.string()),
});

/** An administrator's value for an unconfirmed rule. */
export const RuleOverrideDto = z.object({
  /** The rule set the override was made on (a later version inherits it). */
  ruleSetId: z.string(),
  value: RuleValue,
  /** The administrator's basis or reason. */
  citation: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export type RuleOverrideDto = z.infer<typeof RuleOverrideDto>;

export const RuleDto = z.object({
  key: z.string(),
  title: z.string(),
  /** The value in force (the override's if any); null when no value is known yet ([NC]). */
  value: RuleValue.nullable(),
  /** The rule data's own value. */
  defaultValue: RuleValue.nullable(),
  /** The latest citation (a later text that keeps the rule, if any). */
  citation: CitationDto,
  /** The citation of the text that set the value. */
  originalCitation: CitationDto,
  /** False for values DOMAIN.md marks [NC]; an override never makes a value confirmed. */
  confirmed: z.boolean(),
  /** 'đã xác nhận' | 'chưa xác nhận', to show next to the value. */
  confirmationLabel: z.string(),
  note: z.string().nullable(),
  /** The rule set whose data defines the rule; differs from the set asked when inherited. */
  definedIn: z.string(),
  inherited: z.boolean(),
  override: RuleOverrideDto.nullable(),
});
export type RuleDto = z.infer<typeof RuleDto>;

export const RuleSetDto = z.object({
  id: z.string(),
  title: z.string(),
  effectiveFrom: z.string(),
  /** Inclusive; null while in force. */
  effectiveTo: z.string().nullable(),
  /** The version this one amends. */
  inherits: z.string().nullable(),
  documents: z.array(z.object({ name: z.string(), issued: z.string().nullable(), sources: z.array(z.string()) })),
  rules: z.array(RuleDto),
  confirmedCount: z.number().int(),
  unconfirmedCount: z.number().int(),
});
export type RuleSetDto = z.infer<typeof RuleSetDto>;

export const RuleSetsResponse = z.object({ items: z.array(RuleSetDto) });

/**
 * `PUT /api/rule-sets/:id/rules/:key`: the value must have the rule's kind. `version` is the
 * override's version when one exists on this rule set (optimistic locking); omit it to create one.
 */
export const RuleOverrideBody = z.strictObject({
  value: z.unknown(),
  citation: userText({ min: 5, max: 500, message: 'RULE_CITATION' }),
  version: z.number().int().min(1).optional(),
});
export type RuleOverrideBody = z.infer<typeof RuleOverrideBody>;
