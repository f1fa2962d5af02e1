import type { PersonCreateBody } from '@shared/contracts/persons';
import { FIELD_MESSAGES } from '@shared/errors';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { on, onWrite, type RecordedRequest, stubApi } from '../../test/fake-api';
import { communeOfficer, PERSON } from '../../test/person-fixtures';
import { renderApp } from '../../test/render-app';

const creates = (requests: RecordedRequest[]) =>
  requests.filter((request) => request.method === 'POST' && request.path === '/api/persons');

const CANDIDATES = [
  {
    id: '33333333-3333-4333-8333-333333333333',
    fullName: 'Nguyễn Văn Thử',
    birthYear: 1990,
    managingUnit: { code: '00004', fullName: 'Phường Ba Đình' },
    reason: 'similar_name',
  },
  {
    id: '44444444-4444-4444-8444-444444444444',
    fullName: 'Nguyễn Văn Thủ',
    birthYear: 1991,
    managingUnit: { code: '00008', fullName: 'Phường Ngọc Hà' },
    reason: 'similar_name',
  },
];

/** Fills the fields every registration needs: name, sex, year of birth only. */
async function fillRequired({ sex = 'Nam', year = '1990' }: { sex?: string; year?: string } = {}) {
  fireEvent.change(await screen.findByTestId('person-full-name'), { target: { value: '  Nguyễn Văn Thử ' } });
  fireEvent.click(within(screen.getByTestId('person-sex')).getByLabelText(sex));
  fireEvent.click(screen.getByTestId('person-year-only'));
  fireEvent.change(await screen.findByTestId('person-birth-year'), { target: { value: year } });
}

describe('PersonCreatePage', () => {
  it('shows possible duplicates before saving, and saves only when the officer says it is someone else', async () => {
    const { requests } = stubApi([
      communeOfficer(),
      onWrite('POST', '/api/persons', (request) =>
        (request.body as PersonCreateBody).confirmNotDuplicate
          ? { status: 201, body: PERSON }
          : {
              status: 409,
              body: {
                code: 'PERSON_POSSIBLE_DUPLICATE',
                message: 'Có thể đối tượng này đã có hồ sơ.',
                candidates: CANDIDATES,
                requestId: 'req-dup',
              },
            },
      ),
      on(`/api/persons/${PERSON.id}`, PERSON),
    ]);
    const { router } = renderApp('/persons/new');

    await fillRequired();
    // A commune officer's own commune is the usual residence; it is filled in.
    expect(within(screen.getByTestId('person-current-unit')).getByText('Phường Ba Đình (00004)')).toBeTruthy();
    fireEvent.click(screen.getByTestId('person-submit'));

    const panel = await screen.findByTestId('person-duplicates');
    const candidates = within(panel).getAllByTestId('person-duplicate');
    expect(candidates).toHaveLength(2);
    expect(
      within(candidates[0] as HTMLElement)
        .getByText('Nguyễn Văn Thử')
        .closest('a')
        ?.getAttribute('href'),
    ).toBe(`/persons/${CANDIDATES[0]?.id}`);
    expect(within(candidates[1] as HTMLElement).getByText('sinh năm 1991 · Phường Ngọc Hà')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/persons/new');
    expect(creates(requests)).toHaveLength(1);
    expect(creates(requests)[0]?.body).toEqual({
      fullName: 'Nguyễn Văn Thử',
      aliases: [],
      birthYear: 1990,
      sex: 'male',
      nationality: 'VN',
      currentResidence: { unitCode: '00004' },
      hasStableResidence: true,
      familyContacts: [],
      confirmNotDuplicate: false,
    });

    fireEvent.click(within(panel).getByTestId('person-confirm-new'));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/persons/${PERSON.id}`));
    expect(creates(requests)).toHaveLength(2);
    expect(creates(requests)[1]?.body).toEqual({ ...(creates(requests)[0]?.body as object), confirmNotDuplicate: true });
    expect(await screen.findByTestId('person-name')).toBeTruthy();
  });

  it('says which part of the personal ID number does not fit the sex and birth year, before sending', async () => {
    const { requests } = stubApi([communeOfficer()]);
    renderApp('/persons/new');

    await fillRequired({ sex: 'Nữ', year: '1990' });
    // Digit 4 is 0: a man born in the 1900s; the record says a woman.
    fireEvent.change(screen.getByTestId('person-personal-id'), { target: { value: '001 090 012345' } });

    const message = FIELD_MESSAGES.PERSONAL_ID_CENTURY_SEX.vi;
    expect(await screen.findByText(message)).toBeTruthy();
    expect(screen.queryByText(FIELD_MESSAGES.PERSONAL_ID_YEAR.vi)).toBeNull();
    expect(screen.queryByText(FIELD_MESSAGES.PERSONAL_ID_PROVINCE.vi)).toBeNull();
    expect((screen.getByTestId('person-personal-id') as HTMLInputElement).value).toBe('001090012345');
    fireEvent.click(screen.getByTestId('person-submit'));
    await waitFor(() => expect(screen.getAllByText(message).length).toBeGreaterThan(0));
    expect(creates(requests)).toHaveLength(0);

    // Changing the sex re-checks the number: a man born in 1990 fits.
    fireEvent.click(within(screen.getByTestId('person-sex')).getByLabelText('Nam'));
    await waitFor(() => expect(screen.queryByText(message)).toBeNull());
  });

  it('puts the server’s field refusals next to the fields, nested ones included', async () => {
    const { requests } = stubApi([
      communeOfficer(),
      onWrite('POST', '/api/persons', {
        status: 400,
        body: {
          code: 'VALIDATION_FAILED',
          message: 'Yêu cầu không hợp lệ, hãy sửa các trường được nêu.',
          issues: [
            { path: ['body', 'currentResidence', 'unitCode'], message: FIELD_MESSAGES.COMMUNE_REQUIRED.vi },
            { path: ['body', 'birthYear'], message: FIELD_MESSAGES.BIRTH_DATE_AGE.vi },
          ],
          requestId: 'req-400',
        },
      }),
    ]);
    renderApp('/persons/new');

    await fillRequired({ year: '1990' });
    fireEvent.click(screen.getByTestId('person-submit'));

    const commune = await screen.findByText(FIELD_MESSAGES.COMMUNE_REQUIRED.vi);
    expect(commune.closest('.ant-form-item')?.querySelector('[data-testid="person-current-unit"]')).toBeTruthy();
    const year = screen.getByText(FIELD_MESSAGES.BIRTH_DATE_AGE.vi);
    expect(year.closest('.ant-form-item')?.querySelector('[data-testid="person-birth-year"]')).toBeTruthy();
    expect(creates(requests)).toHaveLength(1);
  });
});
