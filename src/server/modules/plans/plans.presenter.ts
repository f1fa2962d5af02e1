import type { PlanObjectiveDto, PlanReportDto, PlanSummaryDto, PlanTaskDto } from '@shared/contracts/plans';
import { todayInVietnam } from '@shared/dates';
import { isEveryCommuneTask, targetMet } from '@shared/plans/compliance';
import type { z } from 'zod';
import type { DocumentMetaRow, ObjectiveRow, PlanRow, ReportRow, TaskRow } from './plans.repo';

/** Names the DTOs need: agencies by code, units by path. */
export interface Names {
  agency: (code: string) => string;
  unit: (path: string) => { code: string; name: string };
}

const num = (value: string | number | null) => (value === null ? null : Number(value));

export function presentSummary(
  row: PlanRow & { task_count: number; tasks_done: number; parent_plan_id?: string | null },
  names: Names,
): PlanSummaryDto {
  return {
    id: row.id,
    number: row.number,
    issuedOn: row.issued_on,
    issuer: row.issuer,
    title: row.title,
    type: row.type,
    status: row.status,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    ownerUnitName: names.unit(row.owner_unit_path).name,
    ownerAgencyCode: row.owner_agency_code,
    parentPlanId: row.parent_plan_id ?? null,
    taskCount: row.task_count,
    tasksDone: row.tasks_done,
  };
}

export function presentObjective(row: ObjectiveRow): z.infer<typeof PlanObjectiveDto> {
  const target = num(row.target_value);
  const achieved = num(row.achieved_value);
  return {
    id: row.id,
    position: row.position,
    text: row.text,
    targetValue: target,
    unit: row.unit,
    comparison: row.comparison,
    indicatorCode: row.indicator_code,
    achievedValue: achieved,
    achievedOn: row.achieved_on,
    met: targetMet(target, row.comparison, achieved),
    version: row.version,
  };
}

export function presentTask(
  row: TaskRow,
  extra: { names: Names; today: string; reportCount: number; canReport: boolean; implementing: PlanTaskDto['implementingPlans'] },
): PlanTaskDto {
  const overdue = row.status !== 'done' && row.due_on !== null && row.due_on < extra.today;
  const unit = extra.names.unit(row.unit_path);
  return {
    id: row.id,
    planId: row.plan_id,
    position: row.position,
    assigneeName: row.assignee_name,
    agencyCode: row.agency_code,
    agencyName: extra.names.agency(row.agency_code),
    unitCode: unit.code,
    unitName: unit.name,
    everyCommune: isEveryCommuneTask({ agencyCode: row.agency_code, unitPath: row.unit_path }),
    coLeads: row.co_leads,
    content: row.content,
    dueOn: row.due_on,
    reportDeadlines: row.report_deadlines,
    status: row.status,
    displayStatus: overdue ? 'overdue' : row.status,
    reportCount: extra.reportCount,
    implementingPlans: extra.implementing,
    canReport: extra.canReport,
    version: row.version,
  };
}

export function presentReport(row: ReportRow, names: Names, attachments: DocumentMetaRow[]): PlanReportDto {
  const submittedOn = todayInVietnam(row.submitted_at);
  return {
    id: row.id,
    taskId: row.task_id,
    planId: row.plan_id,
    agencyCode: row.agency_code,
    unitCode: names.unit(row.unit_path).code,
    unitName: names.unit(row.unit_path).name,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    deadline: row.deadline,
    narrative: row.narrative,
    figures: row.figures.map((f) => ({ label: f.label, value: f.value, unit: f.unit ?? null })),
    attachments: attachments.filter((a) => a.report_id === row.id).map(presentDocument),
    status: row.status,
    reviewComment: row.review_comment,
    submittedAt: row.submitted_at.toISOString(),
    submittedBy: row.submitted_by_name,
    reviewedAt: row.reviewed_at ? row.reviewed_at.toISOString() : null,
    late: row.deadline !== null && submittedOn > row.deadline,
    version: row.version,
  };
}

export function presentDocument(row: DocumentMetaRow) {
  return { id: row.id, fileName: row.file_name, mediaType: row.media_type, sizeBytes: row.size_bytes };
}
