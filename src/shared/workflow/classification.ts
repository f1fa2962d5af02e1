import type { Classification } from '../contracts/persons';
import { PROCEDURES } from './registry';
import type { ProcedureFacts } from './types';

/** When several procedures run at once, the person is counted under the first that applies. */
export const CLASSIFICATION_PRECEDENCE: readonly Classification[] = [
  'COMPULSORY_REHAB',
  'COMPULSORY_PROCEDURE_PENDING',
  'VOLUNTARY_REHAB_FACILITY',
  'VOLUNTARY_REHAB_HOME_COMMUNITY',
  'OST_PATIENT',
  'COMMUNE_EDUCATION_MEASURE',
  'POST_REHAB_MANAGEMENT',
  'ADDICT_NOT_IN_TREATMENT',
  'ILLEGAL_USER_UNDER_MANAGEMENT',
];

const TREATMENT = new Set(['voluntary_rehab', 'ost', 'compulsory_rehab']);
/** States in which a treatment procedure has not (yet) treated anyone. */
const NOT_TREATED = new Set(['registered', 'refused', 'withdrawn']);

/**
 * The person's classification (DOMAIN.md §4.1), derived from the procedures, never typed in: each
 * running procedure's state names one; an addiction determined and not followed by any treatment
 * counts as "addict not in treatment".
 */
export function classificationOf(procedures: readonly ProcedureFacts[]): Classification {
  const found = new Set<Classification>();
  for (const p of procedures) {
    if (p.kind === 'voluntary_rehab' && p.state === 'active')
      found.add(p.data.setting === 'facility' ? 'VOLUNTARY_REHAB_FACILITY' : 'VOLUNTARY_REHAB_HOME_COMMUNITY');
    const named = PROCEDURES[p.kind].states[p.state]?.classification;
    if (named) found.add(named);
  }
  const addicted = procedures.filter((p) => p.kind === 'determination' && p.state === 'addicted');
  const untreated = addicted.some(
    (d) => !procedures.some((p) => TREATMENT.has(p.kind) && p.lastOn >= d.lastOn && !NOT_TREATED.has(p.state)),
  );
  if (untreated) found.add('ADDICT_NOT_IN_TREATMENT');
  return CLASSIFICATION_PRECEDENCE.find((c) => found.has(c)) ?? 'NONE';
}
