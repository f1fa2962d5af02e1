import type { PersonDto, PersonUpdateBody } from '@shared/contracts/persons';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { on, onWrite, type RecordedRequest, stubApi } from '../../test/fake-api';
import { communeOfficer, PERSON } from '../../test/person-fixtures';
import { renderApp } from '../../test/render-app';

const puts = (requests: RecordedRequest[]) => requests.filter((request) => request.method === 'PUT');

/** What another officer saved meanwhile: a new occupation and phone number. */
const CURRENT: PersonDto = {
  ...PERSON,
  version: 4,
  occupation: 'Thợ may',
  phone: '0900000002',
  updatedAt: '2026-03-15T01:30:00.000Z',
};

const inputValue = (testId: string) => (screen.getByTestId(testId) as HTMLInputElement).value;

describe('PersonEditPage', () => {
  it('sends every field with the version read, and shows someone else’s newer values instead of overwriting them', async () => {
    const { requests } = stubApi([
      communeOfficer(),
      onWrite('PUT', `/api/persons/${PERSON.id}`, (request) => {
        const body = request.body as PersonUpdateBody;
        if (body.version === PERSON.version) {
          return {
            status: 409,
            body: {
              code: 'VERSION_CONFLICT',
              message: 'Hồ sơ đã được người khác sửa sau khi bạn mở.',
              current: CURRENT,
              requestId: 'req-409',
            },
          };
        }
        return { body: { ...CURRENT, occupation: body.occupation ?? null, version: 5 } };
      }),
      on(`/api/persons/${PERSON.id}`, PERSON),
    ]);
    const { router } = renderApp(`/persons/${PERSON.id}/edit`);

    await waitFor(() => expect(inputValue('person-full-name')).toBe('Nguyễn Văn Thử'));
    expect(inputValue('person-occupation')).toBe('Lao động tự do');
    fireEvent.change(screen.getByTestId('person-occupation'), { target: { value: 'Lái xe' } });
    fireEvent.click(screen.getByTestId('person-submit'));

    const panel = await screen.findByTestId('person-conflict');
    expect(puts(requests)).toHaveLength(1);
    expect(puts(requests)[0]?.body).toEqual({
      personalId: '001090012345',
      fullName: 'Nguyễn Văn Thử',
      aliases: ['Thử Béo'],
      birthDate: '1990-04-15',
      birthYear: 1990,
      sex: 'male',
      nationality: 'VN',
      ethnicity: 'Kinh',
      currentResidence: { unitCode: '00004', address: 'Số 1, ngõ Thử Nghiệm' },
      hasStableResidence: true,
      occupation: 'Lái xe',
      phone: '0900000001',
      familyContacts: [{ relation: 'Mẹ', name: 'Trần Thị Thử' }],
      version: 3,
    });
    expect(within(panel).getByText(/Hồ sơ đã được người khác sửa sau khi bạn mở/)).toBeTruthy();
    // Side by side: the value when opened, what the officer typed, what is stored now.
    const occupation = within(panel).getByText('Nghề nghiệp').closest('tr') as HTMLElement;
    expect(within(occupation).getByText('Lao động tự do')).toBeTruthy();
    expect(within(occupation).getByText('Lái xe')).toBeTruthy();
    expect(within(occupation).getByText('Thợ may')).toBeTruthy();
    const phone = within(panel).getByText('Số điện thoại').closest('tr') as HTMLElement;
    expect(within(phone).getByText('0900000002')).toBeTruthy();
    expect(within(panel).queryByText('Họ và tên')).toBeNull();
    // Saving again with the old version would only be refused again.
    expect((screen.getByTestId('person-submit') as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(within(panel).getByTestId('person-conflict-reload'));

    await waitFor(() => expect(inputValue('person-occupation')).toBe('Thợ may'));
    expect(inputValue('person-phone')).toBe('0900000002');
    expect(within(screen.getByTestId('person-conflict')).getByText('Biểu mẫu đã có giá trị hiện tại.')).toBeTruthy();
    fireEvent.change(screen.getByTestId('person-occupation'), { target: { value: 'Lái xe' } });
    fireEvent.click(screen.getByTestId('person-submit'));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/persons/${PERSON.id}`));
    expect(puts(requests)[1]?.body).toMatchObject({ version: 4, occupation: 'Lái xe', phone: '0900000002' });
  });

  it('reads a person outside the officer’s scope as not found', async () => {
    stubApi([
      communeOfficer(),
      on(
        '/api/persons/55555555-5555-4555-8555-555555555555',
        { code: 'PERSON_NOT_FOUND', message: 'Không tìm thấy hồ sơ đối tượng.', requestId: 'req-404' },
        404,
      ),
    ]);
    renderApp('/persons/55555555-5555-4555-8555-555555555555/edit');

    expect(await screen.findByText('Không tìm thấy hồ sơ đối tượng.')).toBeTruthy();
    expect(screen.queryByTestId('person-submit')).toBeNull();
  });
});
