import { PROCEDURE_KINDS, PROCEDURES, type ProcedureKind } from '@shared/workflow';
import dayjs, { type Dayjs } from 'dayjs';
import { z } from 'zod';

/**
 * The inputs an action's `data` needs, read from the action's zod schema in src/shared/workflow:
 * the state machines stay the one place that says what a step records, and every action of every
 * procedure gets a form without a hand-written one.
 */
export type FieldControl =
  | { type: 'text'; multiline: boolean; maxLength: number | null }
  | { type: 'date' }
  /** Several dates (the violations, the positive tests): one date picker per date. */
  | { type: 'dates'; minItems: number }
  | { type: 'number'; min: number | null; max: number | null; integer: boolean }
  | { type: 'boolean' }
  /** `z.literal(true)`: a statement the officer must tick ("the stages were completed"). */
  | { type: 'confirm' }
  | { type: 'enum'; options: string[] }
  | { type: 'enums'; options: string[]; minItems: number }
  /** A few whole numbers to pick from (the six diagnostic criteria). */
  | { type: 'numbers'; options: number[]; minItems: number }
  /** Free words, several (the substances found). */
  | { type: 'texts'; minItems: number }
  | { type: 'facility' }
  /** Another procedure of the same person (the test a management rests on, …). */
  | { type: 'procedure'; kinds: readonly ProcedureKind[] };

export interface DataField {
  name: string;
  required: boolean;
  control: FieldControl;
}

/** Which procedures an id field of the step data points to. */
const REFERENCES: Record<string, readonly ProcedureKind[]> = {
  basisTestId: ['drug_test'],
  determinationId: ['determination'],
  violationRecordId: ['voluntary_rehab'],
  ostId: ['ost'],
  rehabId: ['voluntary_rehab', 'ost', 'compulsory_rehab'],
};

/** A pick list rather than a number box when whole numbers range over at most this many values. */
const MAX_NUMBER_OPTIONS = 12;

type Described = { control: FieldControl; optional: boolean } | null;

/** The control of one schema, or null when no generic input fits it. */
function describe(name: string, schema: z.ZodType): Described {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault) {
    const inner = describe(name, schema.def.innerType as z.ZodType);
    return inner && { ...inner, optional: true };
  }
  if (schema instanceof z.ZodPipe) {
    // userText: string → trim → string with its length checks; the input side says what to type.
    const input = describe(name, schema.in as z.ZodType);
    if (input?.control.type === 'text' && schema.out instanceof z.ZodString && schema.out.maxLength !== null) {
      const maxLength = schema.out.maxLength;
      return { ...input, control: { type: 'text', multiline: maxLength > 200, maxLength } };
    }
    return input;
  }
  const required = (control: FieldControl): Described => ({ control, optional: false });
  if (schema instanceof z.ZodStringFormat) {
    if (schema.format === 'date') return required({ type: 'date' });
    if (schema.format === 'uuid' && name === 'facilityId') return required({ type: 'facility' });
    if (schema.format === 'uuid') return required({ type: 'procedure', kinds: REFERENCES[name] ?? PROCEDURE_KINDS });
    return required({ type: 'text', multiline: false, maxLength: null });
  }
  if (schema instanceof z.ZodString) {
    const maxLength = schema.maxLength;
    return required({ type: 'text', multiline: maxLength !== null && maxLength > 200, maxLength });
  }
  if (schema instanceof z.ZodNumber) {
    return required({ type: 'number', min: schema.minValue, max: schema.maxValue, integer: schema.isInt });
  }
  if (schema instanceof z.ZodBoolean) return required({ type: 'boolean' });
  if (schema instanceof z.ZodLiteral) {
    const values = [...schema.values];
    if (values.length === 1 && values[0] === true) return required({ type: 'confirm' });
    return required({ type: 'enum', options: values.map(String) });
  }
  if (schema instanceof z.ZodEnum) return required({ type: 'enum', options: schema.options.map(String) });
  if (schema instanceof z.ZodArray) {
    const minItems = minLengthOf(schema) ?? 0;
    const element = describe(name, schema.element as z.ZodType);
    if (!element) return null;
    const { control } = element;
    if (control.type === 'date') return required({ type: 'dates', minItems });
    if (control.type === 'enum') return required({ type: 'enums', options: control.options, minItems });
    if (control.type === 'text') return required({ type: 'texts', minItems });
    if (
      control.type === 'number' &&
      control.integer &&
      control.min !== null &&
      control.max !== null &&
      control.max - control.min < MAX_NUMBER_OPTIONS
    ) {
      const options = Array.from({ length: control.max - control.min + 1 }, (_, i) => (control.min as number) + i);
      return required({ type: 'numbers', options, minItems });
    }
    return null;
  }
  return null;
}

/** The least number of items an array schema takes (`.min(1)`). */
function minLengthOf(schema: z.ZodArray): number | null {
  for (const check of schema.def.checks ?? []) {
    const def = check._zod.def as { check: string; minimum?: unknown };
    if (def.check === 'min_length' && typeof def.minimum === 'number') return def.minimum;
  }
  return null;
}

/**
 * The inputs of an action's data, in the schema's order. A field no generic input fits is left
 * out (and reported by the test that walks every action); the server still checks it.
 */
export function fieldsOfSchema(schema: z.ZodType): DataField[] {
  if (!(schema instanceof z.ZodObject)) return [];
  const fields: DataField[] = [];
  for (const [name, value] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    const described = describe(name, value);
    if (!described) continue;
    // A list is required when it needs an item; an empty list is an answer ("no criterion met").
    const required = 'minItems' in described.control ? described.control.minItems > 0 : !described.optional;
    fields.push({ name, required, control: described.control });
  }
  return fields;
}

/** The data fields of one action of a procedure; empty for an unknown action. */
export function fieldsOfAction(kind: ProcedureKind, action: string): DataField[] {
  const definition = PROCEDURES[kind].actions[action];
  return definition ? fieldsOfSchema(definition.schema) : [];
}

/** The names of the schema's fields no generic input fits (for the test that walks every action). */
export function unsupportedFields(schema: z.ZodType): string[] {
  if (!(schema instanceof z.ZodObject)) return [];
  const supported = new Set(fieldsOfSchema(schema).map((field) => field.name));
  return Object.keys(schema.shape).filter((name) => !supported.has(name));
}

/** What the form starts with: empty lists, unticked boxes, and one empty date where dates are required. */
export function initialDataValues(fields: readonly DataField[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of fields) {
    const { control } = field;
    if (control.type === 'dates') values[field.name] = control.minItems > 0 ? [null] : [];
    else if (control.type === 'enums' || control.type === 'numbers' || control.type === 'texts') values[field.name] = [];
    else if (control.type === 'boolean') values[field.name] = false;
  }
  return values;
}

const isDayjs = (value: unknown): value is Dayjs => dayjs.isDayjs(value);

/**
 * The form's values as the API takes them: dates as ISO (`YYYY-MM-DD`), blanks left out so an
 * optional field is absent rather than empty, a statement sent only when ticked.
 */
export function dataOfValues(fields: readonly DataField[], values: Record<string, unknown> | undefined): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values?.[field.name];
    switch (field.control.type) {
      case 'date':
        if (isDayjs(value)) data[field.name] = value.format('YYYY-MM-DD');
        break;
      case 'dates':
        if (Array.isArray(value)) data[field.name] = value.filter(isDayjs).map((date) => date.format('YYYY-MM-DD'));
        break;
      case 'confirm':
        if (value === true) data[field.name] = true;
        break;
      case 'boolean':
        data[field.name] = value === true;
        break;
      case 'text':
        if (typeof value === 'string' && value.trim() !== '') data[field.name] = value.trim();
        break;
      case 'texts':
        if (Array.isArray(value)) data[field.name] = value.map(String).filter((text) => text.trim() !== '');
        break;
      case 'enums':
      case 'numbers':
        if (Array.isArray(value)) data[field.name] = value;
        break;
      default:
        if (value !== undefined && value !== null && value !== '') data[field.name] = value;
    }
  }
  return data;
}
