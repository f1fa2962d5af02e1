import type { PersonMergeDto } from '@shared/contracts/person-merges';
import type { PersonTransferDto } from '@shared/contracts/person-transfers';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { on, onWrite, stubApi } from '../../test/fake-api';
import { signedIn } from '../../test/fixtures';
import { communeOfficer, PERSON } from '../../test/person-fixtures';
import { renderApp } from '../../test/render-app';

const PENDING: PersonTransferDto = {
  id: 't-1',
  personId: PERSON.id,
  status: 'pending',
  fromUnit: { code: '00004', fullName: 'Phường Ba Đình' },
  toUnit: { code: '00008', fullName: 'Phường Ngọc Hà' },
  address: 'Số 9 ngõ Nơi Mới',
  reason: 'Chuyển đến ở cùng gia đình (dữ liệu thử)',
  requestedAt: '2026-03-12T02:00:00.000Z',
  requestedBy: 'xa.badinh',
  dueDate: '2026-03-15',
  overdue: false,
  decidedAt: null,
  decidedBy: null,
  note: null,
  actions: { accept: true, reject: true, cancel: false },
};

const MERGE: PersonMergeDto = {
  id: 'm-1',
  keptPersonId: PERSON.id,
  duplicatePersonId: '33333333-3333-4333-8333-333333333333',
  duplicate: { fullName: 'Nguyen Van Thu', birthYear: 1990 },
  reason: 'Cùng một người',
  mergedAt: '2026-03-14T03:00:00.000Z',
  mergedBy: 'tinh.pc04',
  moved: { person_event: 3, person_note: 1, person_transfer: 0 },
  undoneAt: null,
  undoneBy: null,
};

describe('transfers and merges on a person page', () => {
  it('shows a pending transfer, and lets the receiving commune accept it', async () => {
    let transfer = PENDING;
    const { requests } = stubApi([
      communeOfficer(),
      on(`/api/persons/${PERSON.id}`, PERSON),
      on(`/api/persons/${PERSON.id}/merges`, { items: [] }),
      (request) =>
        request.method === 'GET' && request.path === `/api/persons/${PERSON.id}/transfers`
          ? { body: { items: [transfer] } }
          : undefined,
      onWrite('POST', '/api/person-transfers/t-1/accept', () => {
        transfer = { ...PENDING, status: 'accepted', decidedAt: '2026-03-15T01:00:00.000Z', decidedBy: 'xa.ngocha' };
        transfer.actions = { accept: false, reject: false, cancel: false };
        return { body: transfer };
      }),
    ]);
    renderApp(`/persons/${PERSON.id}?tab=transfers`);

    expect((await screen.findByTestId('transfer-banner')).textContent).toContain(
      'Đang chờ Phường Ngọc Hà tiếp nhận hồ sơ từ Phường Ba Đình, hạn 15/03/2026.',
    );
    expect(await screen.findByText('Chuyển đến ở cùng gia đình (dữ liệu thử)')).toBeTruthy();
    expect(screen.getByText('Chờ tiếp nhận')).toBeTruthy();
    expect(screen.queryByText('Hủy đề nghị')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Tiếp nhận' }));
    const confirm = await screen.findByText(/Tiếp nhận hồ sơ về Phường Ngọc Hà\?/);
    const popup = confirm.closest('.ant-popover') as HTMLElement;
    fireEvent.click(within(popup).getByRole('button', { name: 'Tiếp nhận' }));

    expect(await screen.findByText('Đã tiếp nhận')).toBeTruthy();
    await waitFor(() => expect(screen.queryByTestId('transfer-banner')).toBeNull());
    const post = requests.find((request) => request.method === 'POST');
    expect(post?.path).toBe('/api/person-transfers/t-1/accept');
    expect(post?.body).toEqual({});
  });

  it('offers the undo of a merge to the provincial police, and undoes it', async () => {
    let merges = [MERGE];
    const { requests } = stubApi([
      signedIn(['provincial_officer']),
      on(`/api/persons/${PERSON.id}`, PERSON),
      on(`/api/persons/${PERSON.id}/transfers`, { items: [] }),
      (request) =>
        request.method === 'GET' && request.path === `/api/persons/${PERSON.id}/merges` ? { body: { items: merges } } : undefined,
      onWrite('POST', '/api/person-merges/m-1/undo', () => {
        merges = [{ ...MERGE, undoneAt: '2026-03-15T01:00:00.000Z', undoneBy: 'tinh.pc04' }];
        return { body: merges[0] };
      }),
    ]);
    renderApp(`/persons/${PERSON.id}`);

    const banner = await screen.findByTestId('merge-banner');
    expect(banner.textContent).toContain('Đã gộp hồ sơ Nguyen Van Thu (1990) vào hồ sơ này lúc 14/03/2026 10:00.');
    expect(screen.getByTestId('person-merge')).toBeTruthy();
    fireEvent.click(within(banner).getByTestId('merge-undo'));
    const confirm = await screen.findByText(/Hoàn tác lần gộp\?/);
    fireEvent.click(within(confirm.closest('.ant-popover') as HTMLElement).getByRole('button', { name: 'Hoàn tác' }));

    await waitFor(() => expect(screen.queryByTestId('merge-banner')).toBeNull());
    expect(requests.some((request) => request.method === 'POST' && request.path === '/api/person-merges/m-1/undo')).toBe(true);
  });

  it('shows no move actions to a reader', async () => {
    stubApi([
      signedIn(['provincial_lead']),
      on(`/api/persons/${PERSON.id}`, PERSON),
      on(`/api/persons/${PERSON.id}/transfers`, { items: [] }),
      on(`/api/persons/${PERSON.id}/merges`, { items: [MERGE] }),
    ]);
    renderApp(`/persons/${PERSON.id}`);

    expect(await screen.findByTestId('merge-banner')).toBeTruthy();
    expect(screen.queryByTestId('merge-undo')).toBeNull();
    expect(screen.queryByTestId('person-transfer')).toBeNull();
    expect(screen.queryByTestId('person-merge')).toBeNull();
  });
});
