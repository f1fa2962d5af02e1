import { z } from 'zod';
import { IsoDate, Reason, RecordId, ShortText } from './fields';
import { deadlineFrom, inOrder, notBefore, requireRule, termDeadline, termEnd, unconfirmed } from './guards';
import type { ProcedureDefinition } from './types';

/**
 * Management of an illegal drug user (quản lý người sử dụng trái phép chất ma túy; Law 73/2021
 * Điều 23, NĐ 105/2021; DOMAIN.md §4.3). A preventive measure, not a sanction: the commune
 * chairman decides within 3 working days of a positive result; it lasts 1 year from the decision.
 * The list of reasons to stop early is unconfirmed (DOMAIN.md §13(1)), so the reason is free text.
 */
export const ILLEGAL_USER_MANAGEMENT: ProcedureDefinition = {
  kind: 'illegal_user_management',
  label: { vi: 'Quản lý người sử dụng trái phép chất ma túy', en: 'Management of an illegal drug user' },
  citation: 'Điều 23 Luật 73/2021/QH14; NĐ 105/2021/NĐ-CP',
  states: {
    proposed: { label: { vi: 'Chờ quyết định quản lý', en: 'Awaiting the management decision' }, active: true },
    active: {
      label: { vi: 'Đang quản lý', en: 'Under management' },
      active: true,
      classification: 'ILLEGAL_USER_UNDER_MANAGEMENT',
    },
    expired: { label: { vi: 'Hết thời hạn quản lý', en: 'Management period ended' }, active: false },
    stopped: { label: { vi: 'Dừng quản lý', en: 'Management stopped' }, active: false },
    cancelled: { label: { vi: 'Không ra quyết định', en: 'No decision made' }, active: false },
  },
  actions: {
    propose: {
      label: { vi: 'Đề nghị quyết định quản lý', en: 'Propose management' },
      from: ['new'],
      to: ['proposed'],
      actors: ['police', 'system'],
      decisionRequired: false,
      schema: z.strictObject({ basisTestId: RecordId, resultReceivedOn: IsoDate }),
      apply: (ctx) => {
        const problems = [
          ...inOrder(ctx),
          ...notBefore(ctx, ctx.data.resultReceivedOn, { vi: 'ngày nhận kết quả xét nghiệm', en: 'the test result date' }),
        ];
        if (problems.length > 0) return problems;
        return {
          to: 'proposed',
          data: { ...ctx.data },
          open: [
            deadlineFrom(ctx, 'illegal_user.decision_deadline', 'illegal_user.decision_deadline', ctx.data.resultReceivedOn),
          ],
        };
      },
    },
    decide: {
      label: { vi: 'Quyết định quản lý (Chủ tịch UBND xã)', en: 'Management decision (commune chairman)' },
      from: ['proposed'],
      to: ['active'],
      actors: ['people_committee'],
      decisionRequired: true,
      schema: z.strictObject({ assignedTo: ShortText.optional() }),
      apply: (ctx) => {
        const received = String(ctx.procedure.data.resultReceivedOn);
        const problems = [
          ...inOrder(ctx),
          ...notBefore(ctx, received, { vi: 'ngày nhận kết quả xét nghiệm dương tính', en: 'the positive result date' }),
        ];
        if (problems.length > 0) return problems;
        const rule = requireRule(ctx, 'illegal_user.management_duration');
        if (rule.value?.kind !== 'duration') throw new Error('management duration is not a duration');
        const endDate = termEnd(ctx.decidedOn, rule.value, ctx.calendar);
        return {
          to: 'active',
          data: { ...ctx.data, startDate: ctx.decidedOn, endDate },
          close: ['illegal_user.decision_deadline'],
          open: [termDeadline('illegal_user.management_end', rule.key, ctx.decidedOn, endDate, rule.confirmed)],
          unconfirmedRules: unconfirmed(rule),
        };
      },
    },
    stop: {
      label: { vi: 'Quyết định dừng quản lý', en: 'Stop management' },
      from: ['active'],
      to: ['stopped'],
      actors: ['people_committee'],
      decisionRequired: true,
      schema: z.strictObject({ reason: Reason }),
      apply: (ctx) => {
        const problems = inOrder(ctx);
        if (problems.length > 0) return problems;
        return { to: 'stopped', data: { stopReason: ctx.data.reason }, close: ['illegal_user.management_end'] };
      },
    },
    expire: {
      label: { vi: 'Kết thúc khi hết thời hạn quản lý', en: 'End when the period runs out' },
      from: ['active'],
      to: ['expired'],
      actors: ['police', 'people_committee', 'system'],
      decisionRequired: false,
      schema: z.strictObject({}),
      apply: (ctx) => {
        const end = String(ctx.procedure.data.endDate);
        const problems = [
          ...inOrder(ctx),
          ...notBefore(ctx, end, { vi: 'ngày hết thời hạn quản lý', en: 'the end of the period' }),
        ];
        if (problems.length > 0) return problems;
        return { to: 'expired', close: ['illegal_user.management_end'] };
      },
    },
    cancel: {
      label: { vi: 'Không ra quyết định (ghi lý do)', en: 'No decision (give the reason)' },
      from: ['proposed'],
      to: ['cancelled'],
      actors: ['police', 'people_committee'],
      decisionRequired: false,
      schema: z.strictObject({ reason: Reason }),
      apply: (ctx) => {
        const problems = inOrder(ctx);
        if (problems.length > 0) return problems;
        return { to: 'cancelled', data: { cancelReason: ctx.data.reason }, close: ['illegal_user.decision_deadline'] };
      },
    },
  },
};
