import { addYears } from '../calendar/iso-date';
import { othersIn, requireRule } from './guards';
import type { FollowUp, StepContext } from './types';

/**
 * What a positive body test opens, by the person's situation (DOMAIN.md §4.3, §4.4):
 * - under management of an illegal user: addiction determination, Law 73/2021 Điều 27(1)(a);
 * - under post-rehab management: determination, Điều 27(1)(d);
 * - under education at commune, or within 1 year after it: determination, Điều 27(1)(c);
 * - without stable residence: determination, Điều 27(1)(b);
 * - in voluntary rehab or substitution treatment: nothing automatic; the officer records the
 *   violation (Mẫu 27), which opens the compulsory-rehab path (NĐ 116/2021 Điều 33);
 * - otherwise, first detection: management of an illegal user is proposed to the commune chairman,
 *   who decides within 3 working days (Điều 23).
 */
export function followUpsOfPositiveTest(ctx: StepContext<unknown>): FollowUp[] {
  const testId = ctx.procedure.id;
  const determination = (trigger: string, reason: string): FollowUp[] => {
    if (othersIn(ctx.others, 'determination', ['to_request', 'requested']).length > 0) return [];
    return [{ kind: 'determination', action: 'open_case', data: { trigger, basisTestId: testId }, reason }];
  };
  if (othersIn(ctx.others, 'illegal_user_management', ['active']).length > 0)
    return determination('a', 'Sử dụng trái phép chất ma túy trong thời gian quản lý (Điều 27(1)(a) Luật 73/2021/QH14)');
  if (othersIn(ctx.others, 'post_rehab', ['active']).length > 0)
    return determination('d', 'Sử dụng trái phép chất ma túy trong thời gian quản lý sau cai nghiện (Điều 27(1)(d))');
  const window = requireRule(ctx, 'determination.after_education_window').value;
  const recentEducation = ctx.others.some(
    (p) =>
      p.kind === 'education_at_commune' &&
      (p.state === 'decided' ||
        p.state === 'active' ||
        (p.state === 'completed' &&
          window?.kind === 'duration' &&
          ctx.decidedOn <= addYears(String(p.data.endDate ?? p.lastOn), window.amount))),
  );
  if (recentEducation)
    return determination('c', 'Sử dụng trái phép chất ma túy trong hoặc trong 1 năm sau giáo dục tại xã (Điều 27(1)(c))');
  if (!ctx.person.hasStableResidence)
    return determination('b', 'Người sử dụng trái phép chất ma túy không có nơi cư trú ổn định (Điều 27(1)(b))');
  const inTreatment = ['voluntary_rehab', 'ost', 'compulsory_rehab'].some(
    (kind) => othersIn(ctx.others, kind as 'ost', ['registered', 'active', 'admitted']).length > 0,
  );
  if (inTreatment) return [];
  if (othersIn(ctx.others, 'illegal_user_management', ['proposed']).length > 0) return [];
  return [
    {
      kind: 'illegal_user_management',
      action: 'propose',
      data: { basisTestId: testId, resultReceivedOn: ctx.decidedOn },
      reason:
        'Phát hiện sử dụng trái phép chất ma túy lần đầu: đề nghị Chủ tịch UBND xã quyết định quản lý (Điều 23 Luật 73/2021/QH14)',
    },
  ];
}
