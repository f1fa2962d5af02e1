import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { PERSON } from '../../test/person-fixtures';
import { blankFormValues, fieldsOfPerson, formValuesOf, personFieldOf, toPersonFields } from './person-form';

describe('toPersonFields', () => {
  it('sends what the contract takes: blanks left out, phones as digits, empty contact rows dropped', () => {
    const fields = toPersonFields({
      ...blankFormValues('00004'),
      fullName: '  Nguyễn Văn Thử ',
      aliases: [' Thử Béo ', '  '],
      sex: 'female',
      birthDate: dayjs('1990-04-15'),
      birthYear: 1989,
      nationality: 'la',
      ethnicity: '   ',
      phone: '0912 345.678',
      permanentResidence: { unitCode: undefined, address: '' },
      temporaryResidence: { unitCode: '00008', address: ' Số 2 ' },
      familyContacts: [{ relation: 'Mẹ', name: 'Trần Thị Thử', phone: '' }, {}],
    });

    expect(fields).toEqual({
      fullName: 'Nguyễn Văn Thử',
      aliases: ['Thử Béo'],
      birthDate: '1990-04-15',
      // With a full date the year is the date's, whatever the year box held.
      birthYear: 1990,
      sex: 'female',
      nationality: 'LA',
      currentResidence: { unitCode: '00004' },
      temporaryResidence: { unitCode: '00008', address: 'Số 2' },
      hasStableResidence: true,
      phone: '0912345678',
      familyContacts: [{ relation: 'Mẹ', name: 'Trần Thị Thử' }],
    });
    expect(
      Object.entries(fields)
        .filter(([, value]) => value === undefined)
        .map(([key]) => key),
    ).toEqual(['personalId', 'oldIdNumber', 'ethnicity', 'permanentResidence', 'occupation']);
  });

  it('sends the year alone when only the year is known, and round-trips a stored person', () => {
    const yearOnly = toPersonFields({
      ...blankFormValues('00004'),
      fullName: 'Lê Thử',
      sex: 'male',
      yearOnly: true,
      birthDate: dayjs('2001-01-01'),
      birthYear: 1985,
    });
    expect(yearOnly.birthDate).toBeUndefined();
    expect(yearOnly.birthYear).toBe(1985);

    expect(toPersonFields(formValuesOf(PERSON))).toEqual(fieldsOfPerson(PERSON));
  });
});

describe('personFieldOf', () => {
  it('finds the form field of a body path, nested ones included, and gives up on the rest', () => {
    const fieldOf = personFieldOf(false);
    expect(fieldOf(['phone'])).toBe('phone');
    expect(fieldOf(['currentResidence', 'unitCode'])).toEqual(['currentResidence', 'unitCode']);
    expect(fieldOf(['temporaryResidence'])).toEqual(['temporaryResidence', 'unitCode']);
    expect(fieldOf(['familyContacts', 1, 'phone'])).toEqual(['familyContacts', 1, 'phone']);
    expect(fieldOf(['birthYear'])).toBe('birthDate');
    expect(personFieldOf(true)(['birthDate'])).toBe('birthYear');
    expect(fieldOf(['familyContacts'])).toBeNull();
    expect(fieldOf(['version'])).toBeNull();
  });
});
