import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { on, onWrite, stubApi } from '../../test/fake-api';
import { signedIn } from '../../test/fixtures';
import { communeOfficer, PERSON } from '../../test/person-fixtures';
import { renderApp } from '../../test/render-app';

const NOTE = {
  id: 'note-1',
  at: '2026-03-12T02:15:00.000Z',
  authorUsername: 'xa.badinh',
  text: 'Đã gặp gia đình, thông tin thử nghiệm.',
};

describe('PersonPage', () => {
  it('shows who the person is, with the ID number, and keeps the name out of the browser tab title', async () => {
    stubApi([communeOfficer(), on(`/api/persons/${PERSON.id}`, PERSON)]);
    renderApp(`/persons/${PERSON.id}`);

    expect((await screen.findByTestId('person-name')).textContent).toBe('Nguyễn Văn Thử');
    expect(screen.getAllByText('Người nghiện chưa cai').length).toBeGreaterThan(0);
    expect(screen.getByText('Đơn vị quản lý: Phường Ba Đình')).toBeTruthy();
    const identity = within(screen.getByTestId('person-identity'));
    expect(identity.getByTestId('person-personal-id-value').textContent).toContain('001090012345');
    expect(identity.getByText('15/04/1990')).toBeTruthy();
    expect(identity.getByText('Số 1, ngõ Thử Nghiệm')).toBeTruthy();
    expect(identity.getByText('Mẹ: Trần Thị Thử')).toBeTruthy();
    expect(document.title).not.toContain('Nguyễn');
    expect(screen.getByTestId('person-edit')).toBeTruthy();
  });

  it('shows the management file: timeline, notes, and adds a note', async () => {
    const notes = [NOTE];
    const { requests } = stubApi([
      communeOfficer(),
      on(`/api/persons/${PERSON.id}`, PERSON),
      on(`/api/persons/${PERSON.id}/timeline`, {
        items: [
          {
            id: 'e2',
            at: '2026-03-10T03:00:00.000Z',
            kind: 'identity_updated',
            actorUsername: 'xa.badinh',
            summary: 'Cập nhật thông tin: Nghề nghiệp',
          },
          { id: 'e1', at: '2026-03-01T02:00:00.000Z', kind: 'file_opened', actorUsername: null, summary: 'Lập hồ sơ quản lý' },
        ],
      }),
      (request) =>
        request.method === 'GET' && request.path === `/api/persons/${PERSON.id}/notes` ? { body: { items: notes } } : undefined,
      onWrite('POST', `/api/persons/${PERSON.id}/notes`, (request) => {
        const note = {
          id: 'note-2',
          at: '2026-03-15T04:00:00.000Z',
          authorUsername: 'canbo.thunghiem',
          ...(request.body as object),
        };
        notes.unshift(note as typeof NOTE);
        return { status: 201, body: note };
      }),
    ]);
    renderApp(`/persons/${PERSON.id}?tab=file`);

    expect(await screen.findByText('Hồ sơ quản lý mở ngày 01/03/2026, do Phường Ba Đình quản lý.')).toBeTruthy();
    const events = await screen.findAllByTestId('person-event');
    expect(events.map((event) => event.firstChild?.textContent)).toEqual([
      'Cập nhật thông tin: Nghề nghiệp',
      'Lập hồ sơ quản lý',
    ]);
    expect(within(events[1] as HTMLElement).getByText('bởi hệ thống')).toBeTruthy();
    expect(screen.getByText('10/03/2026 10:00')).toBeTruthy();
    expect(await screen.findByText(NOTE.text)).toBeTruthy();

    fireEvent.change(screen.getByTestId('person-note'), { target: { value: '  Xác minh nơi ở, thông tin thử nghiệm.  ' } });
    fireEvent.click(screen.getByTestId('person-note-submit'));

    await waitFor(() => expect(screen.getAllByTestId('person-note-item')).toHaveLength(2));
    const post = requests.find((request) => request.method === 'POST');
    expect(post?.body).toEqual({ text: 'Xác minh nơi ở, thông tin thử nghiệm.' });
    expect(post?.headers.get('x-csrf-token')).toBe('csrf-active');
    expect(screen.getAllByTestId('person-note-item')[0]?.textContent).toContain('Xác minh nơi ở');
    expect((screen.getByTestId('person-note') as HTMLTextAreaElement).value).toBe('');

    // The summaries are recorded in Vietnamese; the English UI names the kind of event first.
    fireEvent.click(screen.getByText('English'));
    expect(await screen.findByText('Details updated')).toBeTruthy();
    expect(screen.getByText('Cập nhật thông tin: Nghề nghiệp')).toBeTruthy();
  });

  it('shows a reader the procedures without a step to take, and no edit or note form', async () => {
    const { requests } = stubApi([
      signedIn(['provincial_lead']),
      on(`/api/persons/${PERSON.id}`, PERSON),
      on(`/api/persons/${PERSON.id}/timeline`, { items: [] }),
      on(`/api/persons/${PERSON.id}/notes`, { items: [] }),
      on(`/api/persons/${PERSON.id}/procedures`, { personId: PERSON.id, classification: 'NONE', items: [], openable: [] }),
    ]);
    renderApp(`/persons/${PERSON.id}?tab=procedures`);

    expect(await screen.findByText('Hồ sơ chưa có thủ tục nào.')).toBeTruthy();
    expect(screen.getByTestId('classification-tag').textContent).toBe('Chưa phân loại');
    expect(screen.queryByTestId('open-procedure')).toBeNull();
    expect(screen.queryByTestId('person-edit')).toBeNull();
    fireEvent.click(screen.getByRole('tab', { name: 'Hồ sơ quản lý' }));
    expect(await screen.findByText('Chưa có ghi chú nào.')).toBeTruthy();
    expect(screen.queryByTestId('person-note')).toBeNull();
    expect(requests.filter((request) => request.path.endsWith('/procedures'))).toHaveLength(1);
  });
});
