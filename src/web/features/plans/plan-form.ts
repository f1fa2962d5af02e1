import type { FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError } from '../../api/client';

/** ≥ / ≤ / = of a target. */
export const COMPARISON_SIGN = { gte: '≥', lte: '≤', eq: '=' } as const;

/** How dates are typed and shown in every plan form; the API gets ISO dates. */
export const DATE_FORMAT = 'DD/MM/YYYY';

export const toDay = (iso: string | null | undefined): Dayjs | null => (iso ? dayjs(iso) : null);
export const toIso = (day: Dayjs | null | undefined): string | null => (day ? day.format('YYYY-MM-DD') : null);
/** Empty text is "not stated" (null) for the API. */
export const textOrNull = (text: string | null | undefined): string | null => {
  const trimmed = text?.trim() ?? '';
  return trimmed.length > 0 ? trimmed : null;
};

/**
 * Places a server refusal: each VALIDATION_FAILED issue whose path (`["body", "tasks", 2, "dueOn"]`)
 * `fieldOf` maps to an input of the form goes under that input; the other messages, and any other
 * error, are returned for the top of the form.
 */
export function placeServerErrors(
  form: FormInstance,
  error: unknown,
  fieldOf: (path: readonly (string | number)[]) => (string | number)[] | null,
): { messages: string[]; whole: unknown } {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED' || error.issues.length === 0) {
    return { messages: [], whole: error };
  }
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const messages: string[] = [];
  for (const issue of error.issues) {
    const [where, ...path] = issue.path;
    const name = where === 'body' ? fieldOf(path) : null;
    if (!name) {
      messages.push(issue.message);
      continue;
    }
    const key = JSON.stringify(name);
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(issue.message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  return { messages, whole: null };
}

/**
 * The input of a plan form an issue path names: a header field (`title`), or an item of a list
 * (`["tasks", 2, "dueOn"]`); a list of texts (`["references", 3]`) goes under the list.
 */
export function fieldOfPlanPath(known: ReadonlySet<string>, lists: ReadonlySet<string> = new Set()) {
  return (path: readonly (string | number)[]): (string | number)[] | null => {
    const [first, index, field] = path;
    if (typeof first !== 'string' || !known.has(first)) return null;
    if (lists.has(first) && typeof index === 'number') {
      return typeof field === 'string' ? [first, index, field] : [first, index];
    }
    return [first];
  };
}

/** The header of a plan as its form holds it. */
export interface HeaderValues {
  number?: string | null;
  issuedOn?: Dayjs | null;
  issuer?: string | null;
  signer?: string | null;
  title: string;
  type: 'annual' | 'action_month' | 'thematic' | 'multi_year' | 'other';
  periodFrom: Dayjs | null;
  periodTo: Dayjs | null;
  theme?: string | null;
  references?: string[];
  funding?: string | null;
}

interface HeaderSource {
  number: string | null;
  issuedOn: string | null;
  issuer: string | null;
  signer: string | null;
  title: string;
  type: HeaderValues['type'];
  periodFrom: string;
  periodTo: string;
  theme: string | null;
  references: string[];
  funding: string | null;
}

export function headerValuesOf(source: HeaderSource): HeaderValues {
  return {
    number: source.number,
    issuedOn: toDay(source.issuedOn),
    issuer: source.issuer,
    signer: source.signer,
    title: source.title,
    type: source.type,
    periodFrom: toDay(source.periodFrom),
    periodTo: toDay(source.periodTo),
    theme: source.theme,
    references: source.references,
    funding: source.funding,
  };
}

/** The header fields of a create or update body. */
export function headerBodyOf(values: HeaderValues) {
  return {
    number: textOrNull(values.number),
    issuedOn: toIso(values.issuedOn),
    issuer: textOrNull(values.issuer),
    signer: textOrNull(values.signer),
    title: values.title.trim(),
    type: values.type,
    periodFrom: toIso(values.periodFrom) ?? '',
    periodTo: toIso(values.periodTo) ?? '',
    theme: textOrNull(values.theme),
    references: (values.references ?? []).map((reference) => reference.trim()).filter(Boolean),
    funding: textOrNull(values.funding),
  };
}

/** The milestones and report deadlines of a plan as its form holds them (dates as Dayjs). */
export interface ScheduleValues {
  milestones?: { on: Dayjs | null; label: string }[];
  deadlines?: { what: string; to?: string | null; by: Dayjs | null }[];
}

export const SCHEDULE_LISTS = ['milestones', 'deadlines'] as const;

export function scheduleValuesOf(source: {
  milestones: { on: string; label: string }[];
  deadlines: { what: string; to: string | null; by: string }[];
}): ScheduleValues {
  return {
    milestones: source.milestones.map((milestone) => ({ on: toDay(milestone.on), label: milestone.label })),
    deadlines: source.deadlines.map((deadline) => ({ what: deadline.what, to: deadline.to, by: toDay(deadline.by) })),
  };
}

/**
 * The milestones and deadlines of an update body, in the form's order, so that an issue path
 * (`["deadlines", 1, "by"]`) names the row the officer sees; the form requires every date.
 */
export function scheduleBodyOf(values: ScheduleValues) {
  return {
    milestones: (values.milestones ?? []).map((milestone) => ({ on: toIso(milestone.on) ?? '', label: milestone.label.trim() })),
    deadlines: (values.deadlines ?? []).map((deadline) => ({
      what: deadline.what.trim(),
      to: textOrNull(deadline.to),
      by: toIso(deadline.by) ?? '',
    })),
  };
}
