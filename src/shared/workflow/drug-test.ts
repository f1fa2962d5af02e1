import { z } from 'zod';
import { ShortText } from './fields';
import { inOrder } from './guards';
import { followUpsOfPositiveTest } from './positive-test';
import type { ProcedureDefinition } from './types';

/** Grounds for testing a person showing signs of use (NĐ 105/2021 Điều 38(1), points a–i). */
export const TEST_GROUNDS = ['a', 'b', 'c', 'd', 'dd', 'e', 'g', 'h', 'i'] as const;
export const SAMPLE_TYPES = ['urine', 'blood', 'other'] as const;

const RecordTest = z.strictObject({
  grounds: z.array(z.enum(TEST_GROUNDS)).min(1).max(9),
  sampleType: z.enum(SAMPLE_TYPES),
  result: z.enum(['positive', 'negative']),
  substances: z.array(ShortText).max(10).default([]),
  testingUnit: ShortText,
});

/**
 * Body drug test (xét nghiệm chất ma túy trong cơ thể; Law 73/2021 Điều 22, result form Mẫu 03 of
 * NĐ 105/2021). One step: the result. A positive result opens what the law makes follow from it.
 */
export const DRUG_TEST: ProcedureDefinition = {
  kind: 'drug_test',
  label: { vi: 'Xét nghiệm chất ma túy trong cơ thể', en: 'Body drug test' },
  citation: 'Điều 22 Luật 73/2021/QH14; Điều 38 NĐ 105/2021/NĐ-CP; Mẫu 03',
  states: {
    positive: { label: { vi: 'Dương tính', en: 'Positive' }, active: false },
    negative: { label: { vi: 'Âm tính', en: 'Negative' }, active: false },
  },
  actions: {
    record: {
      label: { vi: 'Ghi nhận kết quả xét nghiệm', en: 'Record the test result' },
      from: ['new'],
      to: ['positive', 'negative'],
      actors: ['police', 'health'],
      decisionRequired: false,
      schema: RecordTest,
      apply: (ctx) => {
        const problems = inOrder(ctx);
        if (ctx.data.result === 'positive' && ctx.data.substances.length === 0) {
          problems.push({
            path: ['data', 'substances'],
            message: {
              vi: 'Kết quả dương tính phải ghi chất ma túy phát hiện.',
              en: 'A positive result names the substances found.',
            },
          });
        }
        if (problems.length > 0) return problems;
        const data = { ...ctx.data, testedOn: ctx.decidedOn, formRef: 'NĐ105-Mẫu03' };
        if (ctx.data.result === 'negative') return { to: 'negative', data };
        return { to: 'positive', data, followUps: followUpsOfPositiveTest(ctx) };
      },
    },
  },
};
