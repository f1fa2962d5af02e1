import { z } from 'zod';
import { IsoDate, RecordId } from './fields';
import { inOrder, notBefore, requireRule, termDeadline, termEnd, unconfirmed } from './guards';
import type { ProcedureDefinition } from './types';

/** What the management follows: 1 year after voluntary rehab, OST, minors' compulsory rehab; 2 years after adults'. */
export const POST_REHAB_BASES = ['voluntary', 'ost', 'compulsory_adult', 'compulsory_minor'] as const;

/**
 * Post-rehab management at the place of residence (Law 73/2021 Điều 40; NĐ 116/2021 Điều 3(9),
 * Điều 81; DOMAIN.md §4.9). The commune chairman decides; the term counts from the completion
 * date; at expiry the chairman issues Mẫu 54. Relapse is recorded by a determination.
 */
export const POST_REHAB: ProcedureDefinition = {
  kind: 'post_rehab',
  label: { vi: 'Quản lý sau cai nghiện ma túy', en: 'Post-rehab management' },
  citation: 'Điều 40 Luật 73/2021/QH14; Điều 81 NĐ 116/2021/NĐ-CP; Mẫu 54',
  states: {
    proposed: { label: { vi: 'Chờ quyết định', en: 'Awaiting decision' }, active: true },
    active: {
      label: { vi: 'Đang quản lý sau cai nghiện', en: 'Under post-rehab management' },
      active: true,
      classification: 'POST_REHAB_MANAGEMENT',
    },
    completed: { label: { vi: 'Hoàn thành (Mẫu 54)', en: 'Completed (form 54)' }, active: false },
    relapsed: { label: { vi: 'Tái nghiện', en: 'Relapsed' }, active: false },
  },
  actions: {
    propose: {
      label: { vi: 'Đề nghị quản lý sau cai nghiện', en: 'Propose post-rehab management' },
      from: ['new'],
      to: ['proposed'],
      actors: ['police', 'system'],
      decisionRequired: false,
      schema: z.strictObject({ basis: z.enum(POST_REHAB_BASES), completedOn: IsoDate, rehabId: RecordId.optional() }),
      apply: (ctx) => {
        const problems = [
          ...inOrder(ctx),
          ...notBefore(ctx, ctx.data.completedOn, { vi: 'ngày hoàn thành cai nghiện', en: 'the completion date' }),
        ];
        if (problems.length > 0) return problems;
        const decide = ctx.rule('post_rehab.decision_deadline');
        return { to: 'proposed', data: { ...ctx.data }, unconfirmedRules: unconfirmed(decide) };
      },
    },
    decide: {
      label: { vi: 'Quyết định quản lý sau cai nghiện (Chủ tịch UBND xã)', en: 'Decide (commune chairman)' },
      from: ['proposed'],
      to: ['active'],
      actors: ['people_committee'],
      decisionRequired: true,
      schema: z.strictObject({}),
      apply: (ctx) => {
        const completedOn = String(ctx.procedure.data.completedOn);
        const problems = [
          ...inOrder(ctx),
          ...notBefore(ctx, completedOn, { vi: 'ngày hoàn thành cai nghiện', en: 'the completion date' }),
        ];
        if (problems.length > 0) return problems;
        const key =
          ctx.procedure.data.basis === 'compulsory_adult'
            ? 'post_rehab.duration_after_adult_compulsory'
            : 'post_rehab.duration_default';
        const rule = requireRule(ctx, key);
        if (rule.value?.kind !== 'duration') throw new Error(`${key} is not a duration`);
        // Điều 40: the period counts from the completion of rehab, not from the decision.
        const endDate = termEnd(completedOn, rule.value, ctx.calendar);
        return {
          to: 'active',
          data: { startDate: completedOn, endDate, durationRule: key },
          open: [termDeadline('post_rehab.term_end', key, completedOn, endDate, rule.confirmed)],
          unconfirmedRules: unconfirmed(rule),
        };
      },
    },
    complete: {
      label: { vi: 'Cấp giấy chứng nhận hoàn thành (Mẫu 54)', en: 'Issue the completion certificate (form 54)' },
      from: ['active'],
      to: ['completed'],
      actors: ['people_committee'],
      decisionRequired: true,
      schema: z.strictObject({}),
      apply: (ctx) => {
        const end = String(ctx.procedure.data.endDate);
        const problems = [
          ...inOrder(ctx),
          ...notBefore(ctx, end, { vi: 'ngày hết thời hạn quản lý', en: 'the end of the term' }),
        ];
        if (problems.length > 0) return problems;
        return { to: 'completed', data: { completedOn: ctx.decidedOn, formRef: 'NĐ116-Mẫu54' }, close: ['post_rehab.term_end'] };
      },
    },
    relapse: {
      label: { vi: 'Tái nghiện', en: 'Relapse' },
      from: ['active'],
      to: ['relapsed'],
      actors: ['system'],
      systemOnly: true,
      decisionRequired: false,
      schema: z.strictObject({ determinationId: RecordId }),
      apply: (ctx) => {
        const problems = inOrder(ctx);
        return problems.length > 0
          ? problems
          : { to: 'relapsed', data: { relapseDeterminationId: ctx.data.determinationId }, close: ['post_rehab.term_end'] };
      },
    },
  },
};
