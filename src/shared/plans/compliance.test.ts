import { describe, expect, it } from 'vitest';
import {
  type ComplianceReport,
  complianceCells,
  complianceTotals,
  deadlineAnswered,
  targetMet,
  taskDeadlines,
} from './compliance';
import { actionMonthDefaults, draftFromParsed, moveToYear, shiftYears, suggestAgencyCode } from './draft';
import type { ParsedPlan } from './types';

const task = (over: Partial<Parameters<typeof complianceCells>[0]['tasks'][number]> = {}) => ({
  id: 't1',
  position: 1,
  agencyCode: 'SO_Y_TE',
  unitPath: '01',
  dueOn: null,
  reportDeadlines: [],
  ...over,
});
const report = (over: Partial<ComplianceReport>): ComplianceReport => ({
  id: 'r',
  taskId: 't1',
  unitPath: '01',
  deadline: null,
  submittedOn: '2026-07-01',
  submittedAt: '2026-07-01T02:00:00.000Z',
  status: 'submitted',
  ...over,
});

describe('the compliance board', () => {
  it('uses the task deadlines, else the plan deadlines, else the due date', () => {
    expect(taskDeadlines({ dueOn: '2026-06-30', reportDeadlines: ['2026-07-05', '2026-06-15'] }, ['2026-07-10'])).toEqual([
      '2026-06-15',
      '2026-07-05',
    ]);
    expect(taskDeadlines({ dueOn: '2026-06-30', reportDeadlines: [] }, ['2026-07-10'])).toEqual(['2026-07-10']);
    expect(taskDeadlines({ dueOn: '2026-06-30', reportDeadlines: [] }, [])).toEqual(['2026-06-30']);
    expect(taskDeadlines({ dueOn: null, reportDeadlines: [] }, [])).toEqual([]);
  });

  it('assigns a report without a named deadline to the first one not before it', () => {
    const deadlines = ['2026-06-15', '2026-07-05'];
    expect(deadlineAnswered({ deadline: null, submittedOn: '2026-06-15' }, deadlines)).toBe('2026-06-15');
    expect(deadlineAnswered({ deadline: null, submittedOn: '2026-06-16' }, deadlines)).toBe('2026-07-05');
    expect(deadlineAnswered({ deadline: null, submittedOn: '2026-08-01' }, deadlines)).toBe('2026-07-05');
    expect(deadlineAnswered({ deadline: '2026-06-15', submittedOn: '2026-08-01' }, deadlines)).toBe('2026-06-15');
  });

  it('gives on time on the deadline day, late the day after, missing only once it passed', () => {
    const input = (reports: ComplianceReport[], today: string) =>
      complianceCells({ tasks: [task()], planDeadlines: ['2026-07-05'], reports, communes: [], today })[0]?.state;
    expect(input([], '2026-07-05')).toBe('pending');
    expect(input([], '2026-07-06')).toBe('missing');
    expect(input([report({ submittedOn: '2026-07-05', deadline: '2026-07-05' })], '2026-07-10')).toBe('on_time');
    expect(input([report({ submittedOn: '2026-07-06', deadline: '2026-07-05' })], '2026-07-10')).toBe('late');
    // The latest report counts: a returned report resent on time is on time again.
    expect(
      input(
        [
          report({ id: 'a', status: 'returned', submittedAt: '2026-07-01T01:00:00Z' }),
          report({ id: 'b', submittedOn: '2026-07-03', submittedAt: '2026-07-03T01:00:00Z' }),
        ],
        '2026-07-10',
      ),
    ).toBe('on_time');
    expect(input([report({ status: 'returned' })], '2026-07-10')).toBe('returned');
  });

  it('expands a task given to every commune into one row per commune', () => {
    const cells = complianceCells({
      tasks: [
        task({ agencyCode: 'UBND_XA', unitPath: '01' }),
        task({ id: 't2', position: 2, agencyCode: 'CA_XA', unitPath: '01.00004' }),
      ],
      planDeadlines: ['2026-07-05'],
      reports: [report({ unitPath: '01.00004' })],
      communes: ['01.00004', '01.00008', '01.00011'],
      today: '2026-07-06',
    });
    expect(cells.map((c) => [c.taskId, c.unitPath, c.state])).toEqual([
      ['t1', '01.00004', 'on_time'],
      ['t1', '01.00008', 'missing'],
      ['t1', '01.00011', 'missing'],
      ['t2', '01.00004', 'missing'],
    ]);
    expect(complianceTotals(cells)).toEqual({ on_time: 1, late: 0, returned: 0, missing: 3, pending: 0 });
  });

  it('compares achieved values with the target as the objective says', () => {
    expect(targetMet(100, 'gte', 100)).toBe(true);
    expect(targetMet(100, 'gte', 99.9)).toBe(false);
    expect(targetMet(0, 'eq', 0)).toBe(true);
    expect(targetMet(0, 'eq', 1)).toBe(false);
    expect(targetMet(5, 'lte', 6)).toBe(false);
    expect(targetMet(100, null, null)).toBeNull();
  });
});

describe('drafts and templates', () => {
  it('moves dates to another year, 29 February to 28', () => {
    expect(moveToYear('2024-02-29', 2025)).toBe('2025-02-28');
    expect(shiftYears('2022-07-05', 2022, 2027)).toBe('2027-07-05');
    expect(shiftYears('2023-01-05', 2022, 2027)).toBe('2028-01-05');
    expect(actionMonthDefaults(2027)).toMatchObject({
      periodFrom: '2027-06-01',
      periodTo: '2027-06-30',
      milestones: [{ on: '2027-06-26' }],
    });
  });

  it('suggests the catalogue agency of a name, and every commune for district committees', () => {
    expect(suggestAgencyCode('Công an tỉnh')).toBe('CA_TINH');
    expect(suggestAgencyCode('Sở Giáo dục và Đào tạo')).toBe('SO_GD_DT');
    expect(suggestAgencyCode('UBND các huyện, thị xã, thành phố')).toBe('UBND_XA');
    expect(suggestAgencyCode('Bộ Chỉ huy Bộ đội Biên phòng tỉnh')).toBe('BDBP');
    expect(suggestAgencyCode('Hội Liên hiệp Phụ nữ tỉnh')).toBe('SO_KHAC');
  });

  it('builds a draft that invents nothing the text does not say', () => {
    const parsed: ParsedPlan = {
      number: null,
      date: null,
      issuer: null,
      signer: null,
      title: null,
      type: 'action_month',
      period: { from: '2022-06-01', to: '2022-06-30' },
      theme: null,
      references: ['3042/VPCP-KGVX'],
      objectives: [{ text: 'Không để hình thành điểm, tụ điểm phức tạp mới về ma túy', value: null, unit: null }],
      agencies: [{ name: 'Công an tỉnh', tasks: ['Chủ trì'] }],
      deadlines: [{ what: 'Báo cáo kết quả', to: 'Công an tỉnh', by: '2022-07-05' }],
      funding: null,
    };
    const draft = draftFromParsed(parsed, '01', 2026);
    expect(draft.number).toBeNull();
    expect(draft.references).toEqual(['3042/VPCP-KGVX']);
    expect(draft.objectives[0]).toMatchObject({ targetValue: 0, comparison: 'eq', unit: 'count' });
    expect(draft.tasks[0]).toMatchObject({ agencyCode: 'CA_TINH', unitCode: '01', reportDeadlines: ['2022-07-05'] });
    expect(draft.milestones).toEqual([{ on: '2022-06-26', label: 'Ngày toàn dân phòng, chống ma túy (26/6)' }]);
  });
});
