import { sql } from 'kysely';
import type { Executor } from '../../db/client';

/**
 * Open procedure deadlines due on or before `until`, of persons in `area` (a province code or a
 * commune path; '' for facility staff, whom row-level security limits to their linked records).
 * `recordedBy` narrows to procedures the officer recorded a step of.
 */
export function listDeadlinesDue(db: Executor, input: { area: string; until: string; recordedBy: string | null; limit: number }) {
  let query = db
    .selectFrom('procedure_deadline as d')
    .innerJoin('procedure as pr', 'pr.id', 'd.procedure_id')
    .innerJoin('person as p', 'p.id', 'pr.person_id')
    .innerJoin('admin_unit as u', 'u.id', 'p.current_unit_id')
    .select([
      'd.id',
      'd.procedure_id',
      'd.timer',
      'd.term',
      'd.confirmed',
      'd.starts_on',
      'd.due_on',
      'pr.kind',
      'p.id as person_id',
      'p.full_name',
      'p.birth_year',
      'u.code as unit_code',
      'u.full_name as unit_full_name',
    ])
    .where('d.status', '=', 'open')
    .where('d.due_on', '<=', input.until)
    .where('p.merged_into', 'is', null);
  if (input.area.includes('.')) query = query.where('p.unit_path', '=', input.area);
  else if (input.area !== '' && input.area !== '*') query = query.where('p.province_code', '=', input.area);
  if (input.recordedBy)
    query = query.where(
      'pr.id',
      'in',
      db.selectFrom('procedure_step as s').select('s.procedure_id').where('s.recorded_by', '=', input.recordedBy),
    );
  return query.orderBy('d.due_on').orderBy(sql`d.id`).limit(input.limit).execute();
}
