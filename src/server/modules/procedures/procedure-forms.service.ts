import { todayInVietnam } from '@shared/dates';
import { ruleOn, ruleSetOn } from '@shared/rules';
import { PROCEDURES, type ProcedureKind } from '@shared/workflow';
import type { Selectable } from 'kysely';
import type { Executor } from '../../db/client';
import type { PersonTable } from '../../db/types';
import { auditCall } from '../../platform/authz';
import type { Actor, ServiceContext } from '../../platform/context';
import type { Envelope } from '../../platform/envelope';
import { AppError } from '../../platform/errors';
import { envelopeOf, scoped } from '../persons/person-access';
import type { FormInput, FormPerson, Mau27Violation } from '../procedure-forms/form-data';
import { renderForm } from '../procedure-forms/forms.render';
import { formsAvailable } from './procedure-forms.data';
import { mayReadProcedures } from './procedures.policy';
import * as repo from './procedures.repo';

/**
 * Printable drafts filled from the file (issue #5 item 7): the management decision, the violation
 * record Mẫu 27, the résumé Mẫu 30 and the post-rehab completion certificate Mẫu 54. The officer
 * prints, signs and stamps them; the draft mark says so. Each download is audited.
 */

type PersonRow = Selectable<PersonTable>;
interface Step {
  action: string;
  decidedOn: string;
  decisionNo: string | null;
  decider: string | null;
  unitName: string | null;
  data: Record<string, unknown>;
}

async function stepsOfProcedure(trx: Executor, envelope: Envelope, dek: Buffer, procedureId: string): Promise<Step[]> {
  const rows = await repo.stepsOf(trx, [procedureId]);
  return rows.map((s) => ({
    action: s.action,
    decidedOn: s.decided_on,
    decisionNo: s.decision_no,
    decider: s.decider,
    unitName: s.unit_name,
    data: JSON.parse(envelope.decrypt(dek, s.data_enc, { table: 'procedure_step', column: 'data', recordId: s.id })),
  }));
}

async function placeNames(trx: Executor, person: PersonRow) {
  const units = await trx
    .selectFrom('admin_unit')
    .select(['id', 'code', 'full_name'])
    .where((eb) =>
      eb.or([
        eb('id', 'in', [person.current_unit_id, person.permanent_unit_id ?? person.current_unit_id]),
        eb('code', '=', person.province_code),
      ]),
    )
    .execute();
  const byId = new Map(units.map((u) => [u.id, u.full_name]));
  return {
    communeName: byId.get(person.current_unit_id) ?? '',
    provinceName: units.find((u) => u.code === person.province_code)?.full_name ?? '',
    permanentUnit: person.permanent_unit_id ? (byId.get(person.permanent_unit_id) ?? null) : null,
  };
}

const yearsLabel = (years: number) => `${String(years).padStart(2, '0')} năm`;
const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);

async function buildInput(
  trx: Executor,
  ctx: ServiceContext,
  actor: Actor,
  form: string,
  procedure: repo.ProcedureRow,
  person: PersonRow,
): Promise<FormInput> {
  const envelope = envelopeOf(ctx);
  const dek = envelope.unwrap(person.data_key, 'person', person.id);
  const dec = (column: string, value: string | null) =>
    value ? envelope.decrypt(dek, value, { table: 'person', column, recordId: person.id }) : null;
  const places = await placeNames(trx, person);
  const current = dec('current_address', person.current_address_enc);
  const formPerson: FormPerson = {
    fullName: person.full_name,
    birthDate: person.birth_date,
    birthYear: person.birth_year,
    sex: person.sex as 'male' | 'female',
    personalId: dec('personal_id', person.personal_id_enc),
    residence: [current, places.communeName].filter(Boolean).join(', ') || null,
  };
  const steps = await stepsOfProcedure(trx, envelope, dek, procedure.id);
  const today = todayInVietnam(ctx.clock());
  const base = { communeName: places.communeName, provinceName: places.provinceName };
  const d = procedure.data;

  if (form === 'management-decision') {
    const decision = steps.find((s) => s.action === 'decide');
    const on = decision?.decidedOn ?? today;
    const duration = ruleOn('illegal_user.management_duration', on);
    const deadline = ruleOn('illegal_user.decision_deadline', on);
    const basisId = typeof d.basisTestId === 'string' ? d.basisTestId : null;
    const test = basisId ? (await stepsOfProcedure(trx, envelope, dek, basisId))[0] : undefined;
    const years = duration?.value?.kind === 'duration' ? duration.value.amount : 1;
    const cite = (r: typeof duration) => (r ? [r.citation.article, r.citation.document].filter(Boolean).join(' ') : '');
    return {
      form: 'management-decision',
      ...base,
      decisionNo: decision?.decisionNo ?? null,
      decisionDate: decision?.decidedOn ?? null,
      person: formPerson,
      basisTest: {
        testedOn: test?.decidedOn ?? String(d.resultReceivedOn ?? today),
        testingUnit: String(test?.data.testingUnit ?? '……'),
        substances: list(test?.data.substances),
      },
      startDate: String(d.startDate ?? on),
      endDate: String(d.endDate ?? ''),
      durationLabel: yearsLabel(years),
      legalBasis: [...new Set([cite(duration), cite(deadline)].filter(Boolean))],
      assignedTo: typeof decision?.data.assignedTo === 'string' ? decision.data.assignedTo : null,
      ruleSetTitle: ruleSetOn(on)?.title ?? '',
      unconfirmed: [duration, deadline].filter((r) => r && !r.confirmed).map((r) => r?.title ?? ''),
    };
  }
  if (form === 'mau-27') {
    const source =
      procedure.kind === 'voluntary_rehab'
        ? procedure
        : procedure.parent_id
          ? await repo.findProcedure(trx, procedure.parent_id)
          : undefined;
    const violation = source
      ? (await stepsOfProcedure(trx, envelope, dek, source.id)).find((s) => s.action === 'record_violation')
      : undefined;
    if (!violation) throw new AppError('PROCEDURE_FORM_UNAVAILABLE', { form });
    return {
      form: 'mau-27',
      ...base,
      recordedOn: violation.decidedOn,
      recordedAt: places.communeName,
      recorder: { name: violation.decider ?? '……', title: violation.unitName ?? '……' },
      person: formPerson,
      violation: String(violation.data.violation) as Mau27Violation,
      description: typeof violation.data.description === 'string' ? violation.data.description : null,
      witnesses: [],
    };
  }
  if (form === 'mau-30') {
    const all = await repo.listForPerson(trx, person.id);
    const history: { date: string; event: string }[] = [];
    for (const p of [...all].reverse()) {
      for (const s of await stepsOfProcedure(trx, envelope, dek, p.id)) {
        const def = PROCEDURES[p.kind as ProcedureKind];
        history.push({ date: s.decidedOn, event: `${def.label.vi}: ${def.actions[s.action]?.label.vi ?? s.action}` });
      }
    }
    const contacts = dec('family_contacts', person.family_contacts_enc);
    return {
      form: 'mau-30',
      ...base,
      person: {
        ...formPerson,
        ethnicity: person.ethnicity,
        nationality: person.nationality === 'VN' ? 'Việt Nam' : person.nationality,
        occupation: person.occupation,
        permanentAddress:
          [dec('permanent_address', person.permanent_address_enc), places.permanentUnit].filter(Boolean).join(', ') || null,
        currentAddress: formPerson.residence,
      },
      family: contacts
        ? (JSON.parse(contacts) as { relation: string; name: string }[]).map((c) => `${c.relation}: ${c.name}`)
        : [],
      history: history.sort((a, b) => a.date.localeCompare(b.date)),
      preparedBy: { name: actor.displayName, title: 'Cán bộ lập hồ sơ' },
      preparedOn: today,
    };
  }
  // mau-54
  const decision = steps.find((s) => s.action === 'decide');
  const completion = steps.find((s) => s.action === 'complete');
  const years = d.durationRule === 'post_rehab.duration_after_adult_compulsory' ? 2 : 1;
  return {
    form: 'mau-54',
    ...base,
    certificateNo: completion?.decisionNo ?? null,
    issuedOn: completion?.decidedOn ?? null,
    person: formPerson,
    managementDecisionNo: decision?.decisionNo ?? null,
    managementStart: String(d.startDate ?? ''),
    managementEnd: String(d.endDate ?? ''),
    durationLabel: yearsLabel(years),
  };
}

/** `GET /api/procedures/:id/forms/:form`: the PDF draft, audited as `procedure.form`. */
export async function printForm(ctx: ServiceContext, actor: Actor, id: string, form: string) {
  if (ctx.enforcement !== 'database-only' && !mayReadProcedures(actor)) throw new AppError('FORBIDDEN');
  return scoped(ctx, actor, async (trx) => {
    const procedure = await repo.findProcedure(trx, id);
    if (!procedure) throw new AppError('PROCEDURE_NOT_FOUND');
    const person = await trx.selectFrom('person').selectAll().where('id', '=', procedure.person_id).executeTakeFirst();
    if (!person) throw new AppError('PROCEDURE_NOT_FOUND');
    if (!formsAvailable(procedure.kind as ProcedureKind, procedure.state, procedure.data).includes(form))
      throw new AppError('PROCEDURE_FORM_UNAVAILABLE', { form });
    const input = await buildInput(trx, ctx, actor, form, procedure, person);
    const content = await renderForm(input);
    await auditCall(trx, ctx, actor, {
      action: 'procedure.form',
      outcome: 'success',
      recordKind: 'procedure',
      recordId: id,
      details: { form },
    });
    return { fileName: `${form}-${procedure.id.slice(0, 8)}.pdf`, contentType: 'application/pdf', content };
  });
}
