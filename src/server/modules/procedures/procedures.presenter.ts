import { addDays } from '@shared/calendar/iso-date';
import type { ProcedureDto } from '@shared/contracts/procedures';
import { PROCEDURES, type ProcedureKind } from '@shared/workflow';
import type { Envelope } from '../../platform/envelope';
import { formsAvailable } from './procedure-forms.data';
import type { DeadlineRow, ProcedureRow, StepRow } from './procedures.repo';

/** "Due soon" in the work queue and on the badges (issue #5: due within 7 days). */
export const DUE_SOON_DAYS = 7;

export interface PresentInput {
  rows: ProcedureRow[];
  steps: StepRow[];
  deadlines: DeadlineRow[];
  facilities: Map<string, string>;
  envelope: Envelope;
  /** The person's data key, unwrapped. */
  dek: Buffer;
  today: string;
  actionsOf: (kind: ProcedureKind, state: string) => string[];
}

export function deadlineFlags(row: Pick<DeadlineRow, 'status' | 'due_on'>, today: string) {
  const open = row.status === 'open' && row.due_on !== null;
  return {
    overdue: open && (row.due_on as string) < today,
    dueSoon: open && (row.due_on as string) >= today && (row.due_on as string) <= addDays(today, DUE_SOON_DAYS),
  };
}

export function presentProcedures(input: PresentInput): ProcedureDto[] {
  return input.rows.map((row) => {
    const kind = row.kind as ProcedureKind;
    return {
      id: row.id,
      personId: row.person_id,
      kind,
      state: row.state,
      active: PROCEDURES[kind].states[row.state]?.active ?? false,
      facility: row.facility_id ? { id: row.facility_id, name: input.facilities.get(row.facility_id) ?? '' } : null,
      openedOn: row.opened_on,
      lastOn: row.last_on,
      ruleSetId: row.rule_set_id,
      data: row.data,
      parentId: row.parent_id,
      version: row.version,
      steps: input.steps
        .filter((s) => s.procedure_id === row.id)
        .map((s) => ({
          id: s.id,
          seq: s.seq,
          action: s.action,
          fromState: s.from_state,
          toState: s.to_state,
          decidedOn: s.decided_on,
          decisionNo: s.decision_no,
          decider: s.decider,
          unitName: s.unit_name,
          ruleSetId: s.rule_set_id,
          data: JSON.parse(
            input.envelope.decrypt(input.dek, s.data_enc, { table: 'procedure_step', column: 'data', recordId: s.id }),
          ),
          unconfirmedRules: s.unconfirmed_rules,
          attachmentIds: s.attachment_ids,
          bySystem: s.by_system,
          recordedAt: s.recorded_at.toISOString(),
          recordedBy: s.recorded_by_username,
        })),
      deadlines: input.deadlines
        .filter((d) => d.procedure_id === row.id)
        .map((d) => ({
          id: d.id,
          timer: d.timer,
          ruleKey: d.rule_key,
          ruleSetId: d.rule_set_id,
          confirmed: d.confirmed,
          term: d.term,
          startsOn: d.starts_on,
          dueOn: d.due_on,
          status: d.status,
          closedOn: d.closed_on,
          ...deadlineFlags(d, input.today),
        })),
      allowedActions: input.actionsOf(kind, row.state),
      forms: formsAvailable(kind, row.state, row.data),
    };
  });
}
