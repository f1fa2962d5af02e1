/**
 * The compliance board of a plan (issue #6 item 5): for every task, every unit that must report
 * and every report deadline, whether the report came on time, late, was returned for correction,
 * is missing, or is not yet due. Pure, so the board, the reminder job and the tests agree.
 */
import { COMMUNE_AGENCIES } from './draft';

export type ComplianceState = 'on_time' | 'late' | 'missing' | 'returned' | 'pending';
export const COMPLIANCE_STATES: readonly ComplianceState[] = ['on_time', 'late', 'returned', 'missing', 'pending'];

export interface ComplianceTask {
  id: string;
  position: number;
  agencyCode: string;
  unitPath: string;
  dueOn: string | null;
  reportDeadlines: string[];
}

export interface ComplianceReport {
  id: string;
  taskId: string;
  unitPath: string;
  deadline: string | null;
  /** The Việt Nam date of submission (ISO). */
  submittedOn: string;
  submittedAt: string;
  status: 'submitted' | 'accepted' | 'returned';
}

export interface ComplianceCell {
  taskId: string;
  unitPath: string;
  deadline: string;
  state: ComplianceState;
  report: ComplianceReport | null;
}

/** Whether a task is given to every commune of the province (a commune agency given the province). */
export function isEveryCommuneTask(task: Pick<ComplianceTask, 'agencyCode' | 'unitPath'>): boolean {
  return COMMUNE_AGENCIES.includes(task.agencyCode) && !task.unitPath.includes('.');
}

/** The deadlines a task is reported against: its own, else the plan's, else its due date. */
export function taskDeadlines(
  task: Pick<ComplianceTask, 'dueOn' | 'reportDeadlines'>,
  planDeadlines: readonly string[],
): string[] {
  const own = task.reportDeadlines.length > 0 ? task.reportDeadlines : planDeadlines;
  const dates = own.length > 0 ? own : task.dueOn ? [task.dueOn] : [];
  return [...new Set(dates)].sort();
}

/** The deadline a report answers: the one it names, else the first not before its submission, else the last. */
export function deadlineAnswered(report: Pick<ComplianceReport, 'deadline' | 'submittedOn'>, deadlines: readonly string[]) {
  if (report.deadline && deadlines.includes(report.deadline)) return report.deadline;
  return deadlines.find((d) => d >= report.submittedOn) ?? deadlines[deadlines.length - 1] ?? null;
}

function stateOf(latest: ComplianceReport | undefined, deadline: string, today: string): ComplianceState {
  if (!latest) return today > deadline ? 'missing' : 'pending';
  if (latest.status === 'returned') return 'returned';
  return latest.submittedOn <= deadline ? 'on_time' : 'late';
}

/**
 * One cell per (task, reporting unit, deadline). `communes` are the unit paths of the province's
 * communes, for tasks given to every commune.
 */
export function complianceCells(input: {
  tasks: readonly ComplianceTask[];
  planDeadlines: readonly string[];
  reports: readonly ComplianceReport[];
  communes: readonly string[];
  today: string;
}): ComplianceCell[] {
  const cells: ComplianceCell[] = [];
  for (const task of [...input.tasks].sort((a, b) => a.position - b.position)) {
    const deadlines = taskDeadlines(task, input.planDeadlines);
    const units = isEveryCommuneTask(task) ? input.communes : [task.unitPath];
    const reports = input.reports.filter((r) => r.taskId === task.id).sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
    for (const unitPath of units) {
      for (const deadline of deadlines) {
        const answering = reports.filter((r) => r.unitPath === unitPath && deadlineAnswered(r, deadlines) === deadline);
        const latest = answering[answering.length - 1];
        cells.push({
          taskId: task.id,
          unitPath,
          deadline,
          state: stateOf(latest, deadline, input.today),
          report: latest ?? null,
        });
      }
    }
  }
  return cells;
}

export function complianceTotals(cells: readonly ComplianceCell[]): Record<ComplianceState, number> {
  const totals = Object.fromEntries(COMPLIANCE_STATES.map((s) => [s, 0])) as Record<ComplianceState, number>;
  for (const cell of cells) totals[cell.state]++;
  return totals;
}

/** Whether an achieved value meets its target; null without both. */
export function targetMet(
  target: number | null,
  comparison: 'gte' | 'lte' | 'eq' | null,
  achieved: number | null,
): boolean | null {
  if (target === null || achieved === null) return null;
  if (comparison === 'lte') return achieved <= target;
  if (comparison === 'eq') return achieved === target;
  return achieved >= target;
}
