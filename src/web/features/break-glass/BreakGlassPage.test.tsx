import type { BreakGlassDto } from '@shared/contracts/break-glass';
import type { Role } from '@shared/permissions';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, onWrite, type RecordedRequest, stubApi } from '../../test/fake-api';
import { currentUser, signedIn } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';

const SELF_ID = currentUser().id;

/** A fake grant of the tests (fake people, fake record ids). */
function grant(overrides: Partial<BreakGlassDto> & Pick<BreakGlassDto, 'id'>): BreakGlassDto {
  return {
    userId: SELF_ID,
    username: 'canbo.thunghiem',
    recordKind: 'person',
    recordId: '11111111-1111-4111-8111-111111111111',
    reason: 'Xác minh nhân thân đối tượng liên quan vụ việc đang điều tra tại địa bàn giáp ranh.',
    grantedAt: '2026-03-15T02:00:00.000Z',
    expiresAt: '2026-03-15T03:00:00.000Z',
    active: true,
    reviewedBy: null,
    reviewedByUsername: null,
    reviewedAt: null,
    reviewNote: null,
    ...overrides,
  };
}

const MINE = grant({
  id: 'g-mine',
  recordKind: 'health_record',
  recordId: '22222222-2222-4222-8222-222222222222',
});
const TO_REVIEW = grant({
  id: 'g-to-review',
  userId: '00000000-0000-4000-8000-000000000002',
  username: 'xa.badinh',
  recordKind: 'case',
  recordId: '33333333-3333-4333-8333-333333333333',
  grantedAt: '2026-03-14T01:00:00.000Z',
  expiresAt: '2026-03-14T02:00:00.000Z',
  active: false,
});
const REVIEWED = grant({
  id: 'g-reviewed',
  userId: '00000000-0000-4000-8000-000000000003',
  username: 'tinh.canbo',
  recordId: '44444444-4444-4444-8444-444444444444',
  active: false,
  reviewedBy: SELF_ID,
  reviewedByUsername: 'ld.tinh',
  reviewedAt: '2026-03-14T09:30:00.000Z',
  reviewNote: 'Đúng yêu cầu công tác.',
});

const isList = (request: RecordedRequest) => request.method === 'GET' && request.path === '/api/break-glass';

/** `GET /api/break-glass` answering with whatever `items()` holds at the time of the request. */
function list(items: () => BreakGlassDto[]) {
  return (request: RecordedRequest) => (isList(request) ? { body: { items: items() } } : undefined);
}

const lead = () => signedIn(['provincial_lead']);

/** The row of the table on screen that shows this text. */
async function rowOf(text: string) {
  const table = await screen.findByTestId('break-glass-table');
  return (await within(table).findByText(text)).closest('tr') as HTMLElement;
}

describe('BreakGlassPage', () => {
  it("lists one's own grants apart from the grants to review, with Vietnamese times and states", async () => {
    stubApi([lead(), list(() => [MINE, TO_REVIEW, REVIEWED])]);
    const { router } = renderApp('/break-glass');

    const mine = await rowOf(MINE.recordId);
    expect(within(mine).getByText('Hồ sơ y tế')).toBeTruthy();
    // 02:00 UTC is 09:00 in Việt Nam; valid for one hour.
    expect(within(mine).getByText('15/03/2026 09:00')).toBeTruthy();
    expect(within(mine).getByText('15/03/2026 10:00')).toBeTruthy();
    expect(within(mine).getByText('Còn hiệu lực')).toBeTruthy();
    expect(within(mine).getByText('Chưa xem xét')).toBeTruthy();
    expect(within(mine).queryByTestId('break-glass-review')).toBeNull();
    const table = screen.getByTestId('break-glass-table');
    expect(within(table).queryByText('xa.badinh')).toBeNull();
    expect(within(table).queryByText('tinh.canbo')).toBeNull();
    expect(screen.getByText('Yêu cầu được lập ngay trên hồ sơ cần mở', { exact: false })).toBeTruthy();
    // One grant of others is waiting for a review.
    expect(screen.getByTitle('1 yêu cầu chưa xem xét')).toBeTruthy();

    fireEvent.click(screen.getByText('Cần xem xét'));

    await waitFor(() => expect(router.state.location.search).toEqual({ tab: 'review' }));
    const waiting = await rowOf('xa.badinh');
    expect(within(waiting).getByText('Vụ việc')).toBeTruthy();
    expect(within(waiting).getByText('Hết hạn')).toBeTruthy();
    expect(within(waiting).getByText('Chưa xem xét')).toBeTruthy();
    expect(within(waiting).getByTestId('break-glass-review')).toBeTruthy();
    const reviewed = await rowOf('tinh.canbo');
    expect(within(reviewed).getByText('Đối tượng')).toBeTruthy();
    // The reviewer by name, as the server gives it.
    expect(within(reviewed).getByText('ld.tinh')).toBeTruthy();
    expect(within(reviewed).getByText('14/03/2026 16:30')).toBeTruthy();
    expect(within(reviewed).getByText('Đúng yêu cầu công tác.')).toBeTruthy();
    expect(within(reviewed).queryByTestId('break-glass-review')).toBeNull();
    expect(within(screen.getByTestId('break-glass-table')).queryByText(MINE.recordId)).toBeNull();
  });

  it('reviews a grant: a note is required, sent with the CSRF token, and the list is fetched again', async () => {
    let items = [TO_REVIEW];
    const { requests } = stubApi([
      lead(),
      list(() => items),
      onWrite('POST', `/api/break-glass/${TO_REVIEW.id}/review`, (request) => {
        const { note } = request.body as { note: string };
        const done = {
          ...TO_REVIEW,
          reviewedBy: SELF_ID,
          reviewedByUsername: 'ld.tinh',
          reviewedAt: '2026-03-15T04:00:00.000Z',
          reviewNote: note,
        };
        items = [done];
        return { body: done };
      }),
    ]);
    renderApp('/break-glass?tab=review');

    fireEvent.click(within(await rowOf('xa.badinh')).getByTestId('break-glass-review'));
    const dialog = within(await screen.findByRole('dialog'));
    expect(dialog.getByText(TO_REVIEW.reason)).toBeTruthy();

    fireEvent.change(dialog.getByTestId('break-glass-note'), { target: { value: ' x ' } });
    fireEvent.click(dialog.getByTestId('break-glass-submit'));
    expect(await dialog.findByText('Nhận xét dài từ 2 đến 1000 ký tự.')).toBeTruthy();
    expect(requests.some((request) => request.method === 'POST')).toBe(false);

    fireEvent.change(dialog.getByTestId('break-glass-note'), { target: { value: '  Đã xác minh với Công an xã.  ' } });
    fireEvent.click(dialog.getByTestId('break-glass-submit'));

    expect(await screen.findByText('Đã lưu kết quả xem xét yêu cầu của xa.badinh.')).toBeTruthy();
    const review = requests.find((request) => request.method === 'POST');
    expect(review?.path).toBe(`/api/break-glass/${TO_REVIEW.id}/review`);
    expect(review?.body).toEqual({ note: 'Đã xác minh với Công an xã.' });
    expect(review?.headers.get('x-csrf-token')).toBe('csrf-active');
    expect(requests.filter(isList)).toHaveLength(2);
    const row = await rowOf('xa.badinh');
    expect(within(row).getByText('Đã xác minh với Công an xã.')).toBeTruthy();
    expect(within(row).getByText('15/03/2026 11:00')).toBeTruthy();
    expect(within(row).queryByTestId('break-glass-review')).toBeNull();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.queryByTitle('1 yêu cầu chưa xem xét')).toBeNull();
  });

  it("shows the server's refusal in the dialog and keeps the note", async () => {
    stubApi([
      signedIn(['auditor']),
      list(() => [TO_REVIEW]),
      onWrite(
        'POST',
        `/api/break-glass/${TO_REVIEW.id}/review`,
        apiError('BREAK_GLASS_NOT_FOUND', 'Không tìm thấy yêu cầu truy cập khẩn cấp.', 404),
      ),
    ]);
    renderApp('/break-glass');

    // An auditor requests nothing: the review list is the page.
    fireEvent.click(within(await rowOf('xa.badinh')).getByTestId('break-glass-review'));
    expect(screen.getByText('Cần xem xét')).toBeTruthy();
    expect(screen.queryByText('Của tôi')).toBeNull();
    const dialog = within(await screen.findByRole('dialog'));
    fireEvent.change(dialog.getByTestId('break-glass-note'), { target: { value: 'Đã xem.' } });
    fireEvent.click(dialog.getByTestId('break-glass-submit'));

    expect(await dialog.findByText('Không tìm thấy yêu cầu truy cập khẩn cấp.')).toBeTruthy();
    expect((dialog.getByTestId('break-glass-note') as HTMLTextAreaElement).value).toBe('Đã xem.');
  });

  it('shows the menu entry only to roles that request or review emergency access', async () => {
    const cases: [Role, boolean][] = [
      ['commune_officer', true],
      ['provincial_lead', true],
      ['auditor', true],
      ['system_admin', false],
      ['facility_staff', false],
      ['statistics_viewer', false],
    ];
    for (const [role, shown] of cases) {
      stubApi([signedIn([role])]);
      const view = renderApp('/');
      const menu = within(await screen.findByRole('navigation'));
      const entry = menu.queryByText('Truy cập khẩn cấp');
      expect(entry?.closest('a')?.getAttribute('href') ?? null, role).toBe(shown ? '/break-glass' : null);
      view.unmount();
    }
  });

  it('refuses the page to a role without the permissions, without asking the server', async () => {
    const { requests } = stubApi([signedIn(['system_admin'])]);
    renderApp('/break-glass');

    expect(await screen.findByText('Không có quyền truy cập')).toBeTruthy();
    expect(requests.some((request) => request.path === '/api/break-glass')).toBe(false);
  });
});
