import type { ComplianceResponse, PlanDto, PlanReportDto, PlanTaskDto } from '@shared/contracts/plans';
import { fireEvent } from '@testing-library/react';

/** Types a date as the officer does (DD/MM/YYYY) into an antd DatePicker. */
export function typeDate(input: HTMLElement, text: string) {
  fireEvent.mouseDown(input);
  fireEvent.change(input, { target: { value: text } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter' });
  fireEvent.blur(input);
}

/** Test data for the plan pages: a made-up plan of a made-up province, no real document. */
export function task(overrides: Partial<PlanTaskDto> & Pick<PlanTaskDto, 'id' | 'position'>): PlanTaskDto {
  return {
    planId: 'plan-1',
    assigneeName: 'Công an tỉnh',
    agencyCode: 'CA_TINH',
    agencyName: 'Công an tỉnh',
    unitCode: '01',
    unitName: 'Thành phố Hà Nội',
    everyCommune: false,
    coLeads: [],
    content: 'Chủ trì tuyên truyền, kiểm tra.',
    dueOn: '2026-06-30',
    reportDeadlines: [],
    status: 'not_started',
    displayStatus: 'not_started',
    reportCount: 0,
    implementingPlans: [],
    canReport: false,
    version: 1,
    ...overrides,
  };
}

export function plan(overrides: Partial<PlanDto> = {}): PlanDto {
  return {
    id: 'plan-1',
    number: '123/KH-UBND',
    issuedOn: '2026-05-15',
    issuer: 'Ủy ban nhân dân tỉnh Thử Nghiệm',
    title: 'Kế hoạch thực hiện Tháng hành động phòng, chống ma túy năm 2026',
    type: 'action_month',
    status: 'issued',
    periodFrom: '2026-06-01',
    periodTo: '2026-06-30',
    ownerUnitName: 'Thành phố Hà Nội',
    ownerAgencyCode: 'CA_TINH',
    parentPlanId: null,
    taskCount: 2,
    tasksDone: 0,
    signer: 'Nguyễn Văn Ký',
    theme: null,
    references: ['Luật Phòng, chống ma túy 2021'],
    funding: null,
    followingAgencyCode: 'CA_TINH',
    ownerUnitCode: '01',
    parentTaskId: null,
    milestones: [{ on: '2026-06-26', label: 'Ngày toàn dân phòng, chống ma túy (26/6)' }],
    deadlines: [
      { what: 'Báo cáo sơ kết', to: 'Công an tỉnh', by: '2026-06-20' },
      { what: 'Báo cáo kết quả', to: 'Công an tỉnh', by: '2026-07-05' },
    ],
    objectives: [],
    tasks: [
      task({ id: 'task-1', position: 1 }),
      task({
        id: 'task-2',
        position: 2,
        assigneeName: 'UBND các xã, phường',
        agencyCode: 'UBND_XA',
        agencyName: 'UBND xã, phường',
        everyCommune: true,
        displayStatus: 'overdue',
        status: 'in_progress',
        canReport: true,
        reportCount: 1,
      }),
    ],
    documents: [{ id: 'doc-1', fileName: 'ke-hoach.txt', mediaType: 'text/plain', sizeBytes: 2048 }],
    sourceText: 'KẾ HOẠCH …',
    canEdit: false,
    canReview: false,
    version: 4,
    ...overrides,
  };
}

export const COMPLIANCE: ComplianceResponse = {
  planId: 'plan-1',
  asOf: '2026-07-10T03:00:00.000Z',
  totals: { on_time: 1, late: 1, missing: 2, returned: 0, pending: 0 },
  rows: [
    {
      taskId: 'task-2',
      taskPosition: 2,
      assigneeName: 'UBND các xã, phường',
      agencyCode: 'UBND_XA',
      agencyName: 'UBND xã, phường',
      unitCode: '00004',
      unitName: 'Phường Ba Đình',
      deadline: '2026-06-20',
      state: 'on_time',
      reportId: 'report-1',
      submittedAt: '2026-06-19T02:00:00.000Z',
      reviewStatus: 'accepted',
    },
    {
      taskId: 'task-2',
      taskPosition: 2,
      assigneeName: 'UBND các xã, phường',
      agencyCode: 'UBND_XA',
      agencyName: 'UBND xã, phường',
      unitCode: '00004',
      unitName: 'Phường Ba Đình',
      deadline: '2026-07-05',
      state: 'late',
      reportId: 'report-2',
      submittedAt: '2026-07-07T02:00:00.000Z',
      reviewStatus: 'submitted',
    },
    {
      taskId: 'task-1',
      taskPosition: 1,
      assigneeName: 'Công an tỉnh',
      agencyCode: 'CA_TINH',
      agencyName: 'Công an tỉnh',
      unitCode: '01',
      unitName: 'Thành phố Hà Nội',
      deadline: '2026-06-20',
      state: 'missing',
      reportId: null,
      submittedAt: null,
      reviewStatus: null,
    },
    {
      taskId: 'task-1',
      taskPosition: 1,
      assigneeName: 'Công an tỉnh',
      agencyCode: 'CA_TINH',
      agencyName: 'Công an tỉnh',
      unitCode: '01',
      unitName: 'Thành phố Hà Nội',
      deadline: '2026-07-05',
      state: 'missing',
      reportId: null,
      submittedAt: null,
      reviewStatus: null,
    },
  ],
};

export function report(overrides: Partial<PlanReportDto> & Pick<PlanReportDto, 'id'>): PlanReportDto {
  return {
    taskId: 'task-2',
    planId: 'plan-1',
    agencyCode: 'UBND_XA',
    unitCode: '00004',
    unitName: 'Phường Ba Đình',
    periodFrom: '2026-06-01',
    periodTo: '2026-06-30',
    deadline: '2026-07-05',
    narrative: 'Đã tổ chức 3 buổi tuyên truyền.',
    figures: [{ label: 'Buổi tuyên truyền', value: 3, unit: 'buổi' }],
    attachments: [],
    status: 'submitted',
    reviewComment: null,
    submittedAt: '2026-07-07T02:00:00.000Z',
    submittedBy: 'Cán bộ Thử nghiệm',
    reviewedAt: null,
    late: true,
    version: 2,
    ...overrides,
  };
}
