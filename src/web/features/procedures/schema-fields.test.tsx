import { PROCEDURES } from '@shared/workflow';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { type DataField, dataOfValues, fieldsOfAction, initialDataValues, unsupportedFields } from './schema-fields';

const field = (fields: DataField[], name: string) => {
  const found = fields.find((f) => f.name === name);
  if (!found) throw new Error(`no field ${name}`);
  return found;
};

describe('fields of an action, read from its schema', () => {
  it('gives every field of every action of every procedure an input', () => {
    const missing = Object.values(PROCEDURES).flatMap((procedure) =>
      Object.entries(procedure.actions).flatMap(([action, definition]) =>
        unsupportedFields(definition.schema).map((name) => `${procedure.kind}.${action}.${name}`),
      ),
    );
    expect(missing).toEqual([]);
  });

  it('reads numbers with their legal bounds, and whether they must be given', () => {
    expect(field(fieldsOfAction('education_at_commune', 'decide'), 'months')).toEqual({
      name: 'months',
      required: true,
      control: { type: 'number', min: 1, max: 60, integer: true },
    });
    // The term of voluntary rehab may be fixed by the law in force: the months are optional.
    expect(field(fieldsOfAction('voluntary_rehab', 'decide'), 'months').required).toBe(false);
  });

  it('reads choices, lists, dates, statements, facilities and references to other procedures', () => {
    const test = fieldsOfAction('drug_test', 'record');
    expect(field(test, 'grounds')).toEqual({
      name: 'grounds',
      required: true,
      control: { type: 'enums', options: ['a', 'b', 'c', 'd', 'dd', 'e', 'g', 'h', 'i'], minItems: 1 },
    });
    expect(field(test, 'result').control).toEqual({ type: 'enum', options: ['positive', 'negative'] });
    expect(field(test, 'substances')).toEqual({ name: 'substances', required: false, control: { type: 'texts', minItems: 0 } });
    expect(field(test, 'testingUnit')).toEqual({
      name: 'testingUnit',
      required: true,
      control: { type: 'text', multiline: false, maxLength: 200 },
    });

    expect(field(fieldsOfAction('education_at_commune', 'propose'), 'violationDates')).toEqual({
      name: 'violationDates',
      required: true,
      control: { type: 'dates', minItems: 1 },
    });
    expect(field(fieldsOfAction('ost', 'terminate'), 'occurrences').required).toBe(false);
    expect(field(fieldsOfAction('illegal_user_management', 'propose'), 'resultReceivedOn').control).toEqual({ type: 'date' });
    expect(field(fieldsOfAction('voluntary_rehab', 'complete'), 'stagesCompleted').control).toEqual({ type: 'confirm' });
    expect(field(fieldsOfAction('ost', 'register'), 'parentalConsent')).toEqual({
      name: 'parentalConsent',
      required: false,
      control: { type: 'boolean' },
    });
    expect(field(fieldsOfAction('compulsory_rehab', 'admit'), 'facilityId').control).toEqual({ type: 'facility' });
    expect(field(fieldsOfAction('compulsory_rehab', 'compile_dossier'), 'determinationId')).toEqual({
      name: 'determinationId',
      required: true,
      control: { type: 'procedure', kinds: ['determination'] },
    });
    expect(field(fieldsOfAction('determination', 'conclude'), 'criteriaMet')).toEqual({
      name: 'criteriaMet',
      required: false,
      control: { type: 'numbers', options: [1, 2, 3, 4, 5, 6], minItems: 0 },
    });
    expect(field(fieldsOfAction('ost', 'refuse'), 'reason').control).toEqual({ type: 'text', multiline: true, maxLength: 1000 });
    expect(fieldsOfAction('ost', 'accept')).toEqual([]);
  });

  it('sends dates as ISO, leaves blanks out, and sends a statement only when ticked', () => {
    const fields = fieldsOfAction('education_at_commune', 'propose');
    expect(initialDataValues(fields)).toEqual({ violationDates: [null] });
    expect(dataOfValues(fields, { violationDates: [dayjs('2026-01-05'), null, dayjs('2026-03-02')] })).toEqual({
      violationDates: ['2026-01-05', '2026-03-02'],
    });

    const register = fieldsOfAction('voluntary_rehab', 'register');
    expect(dataOfValues(register, { setting: 'home_community', provider: '   ', facilityId: undefined })).toEqual({
      setting: 'home_community',
    });
    const complete = fieldsOfAction('voluntary_rehab', 'complete');
    expect(dataOfValues(complete, { stagesCompleted: false })).toEqual({});
    expect(dataOfValues(complete, { stagesCompleted: true })).toEqual({ stagesCompleted: true });
    const conclude = fieldsOfAction('determination', 'conclude');
    expect(dataOfValues(conclude, { ...initialDataValues(conclude), result: 'not_addicted' })).toEqual({
      result: 'not_addicted',
      criteriaMet: [],
    });
  });
});
