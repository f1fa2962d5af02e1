import type { AuditEventDto } from '@shared/contracts/audit';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { on, stubApi } from '../../test/fake-api';
import { signedIn } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';

/** A fake audit event of the tests. */
function event(seq: number, overrides: Partial<AuditEventDto> = {}): AuditEventDto {
  return {
    seq,
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    occurredAt: '2026-03-14T17:05:09.000Z',
    actorUserId: '00000000-0000-4000-8000-000000000001',
    actorUsername: 'canbo.thunghiem',
    actorRoles: ['commune_officer'],
    actorUnitPath: 'Thành phố Hà Nội / Phường Ba Đình',
    actorAgency: 'Công an tỉnh',
    action: 'auth.login',
    recordKind: null,
    recordId: null,
    purpose: null,
    requestId: `req-${seq}`,
    ip: '10.0.0.5',
    outcome: 'success',
    details: {},
    ...overrides,
  };
}

const audit = () => signedIn(['auditor'], { username: 'kiemsoat.thu', displayName: 'Kiểm soát viên Thử nghiệm' });

describe('AuditPage', () => {
  it('sends the filters of the URL as query parameters and shows the events newest first', async () => {
    const { requests } = stubApi([
      audit(),
      on('/api/audit-events', {
        items: [
          event(130, { action: 'person.read', recordKind: 'person', recordId: 'hs-0042', outcome: 'denied' }),
          event(129, { action: 'auth.login_failed', outcome: 'failure', actorUsername: null, actorRoles: [] }),
        ],
        nextBefore: null,
      }),
    ]);
    renderApp('/audit?username=canbo.thunghiem&recordKind=person&recordId=hs-0042&outcome=denied&from=2026-03-01&to=2026-03-15');

    const denied = (await screen.findByText('req-130')).closest('tr') as HTMLElement;
    const [list] = requests.filter((request) => request.path === '/api/audit-events');
    expect(Object.fromEntries(list?.query ?? [])).toEqual({
      username: 'canbo.thunghiem',
      recordKind: 'person',
      recordId: 'hs-0042',
      outcome: 'denied',
      from: '2026-03-01',
      to: '2026-03-15',
      limit: '50',
    });
    // 17:05:09 UTC is the next day 00:05:09 in Việt Nam.
    expect(within(denied).getByText('15/03/2026 00:05:09')).toBeTruthy();
    expect(within(denied).getByText('Cán bộ cấp xã')).toBeTruthy();
    expect(within(denied).getByText('Thành phố Hà Nội / Phường Ba Đình')).toBeTruthy();
    expect(within(denied).getByText('Hồ sơ đối tượng')).toBeTruthy();
    expect(within(denied).getByText('Bị từ chối')).toBeTruthy();
    // An action without a readable name is shown as recorded.
    expect(within(denied).getByText('person.read')).toBeTruthy();
    const failed = screen.getByText('Đăng nhập thất bại').closest('tr') as HTMLElement;
    expect(within(failed).getByText('Thất bại')).toBeTruthy();
    expect(within(failed).getByText('Không xác định')).toBeTruthy();
    expect(screen.getByText('ai đã truy cập hồ sơ này, khi nào, từ đơn vị nào', { exact: false })).toBeTruthy();
  });

  it('loads older events with the cursor of the last page', async () => {
    const { requests } = stubApi([
      audit(),
      on('/api/audit-events', { items: [event(11)], nextBefore: null }, 200, { before: '11' }),
      on('/api/audit-events', { items: [event(12, { action: 'user.create' })], nextBefore: 11 }, 200, { before: null }),
    ]);
    renderApp('/audit');

    expect(await screen.findByText('Tạo người dùng')).toBeTruthy();
    fireEvent.click(screen.getByTestId('audit-load-more'));

    expect(await screen.findByText('req-11')).toBeTruthy();
    expect(screen.getByText('req-12')).toBeTruthy();
    expect(requests.filter((request) => request.path === '/api/audit-events').map((r) => r.query.get('before'))).toEqual([
      null,
      '11',
    ]);
    expect(screen.queryByTestId('audit-load-more')).toBeNull();
    expect(screen.getByText('Đã hiện đủ 2 sự kiện phù hợp.')).toBeTruthy();
  });

  it('applies a typed filter through the URL', async () => {
    const { requests } = stubApi([audit(), on('/api/audit-events', { items: [], nextBefore: null })]);
    const { router } = renderApp('/audit');

    await screen.findByText('Không có sự kiện nào phù hợp với bộ lọc.');
    fireEvent.change(screen.getByTestId('audit-filter-record-id'), { target: { value: ' hs-0042 ' } });
    fireEvent.click(screen.getByTestId('audit-filter-apply'));

    await waitFor(() => expect(router.state.location.href).toBe('/audit?recordId=hs-0042'));
    await waitFor(() => expect(requests.at(-1)?.query.get('recordId')).toBe('hs-0042'));
  });

  it('checks the integrity of the log and names the first bad event', async () => {
    stubApi([
      audit(),
      on('/api/audit-events', { items: [], nextBefore: null }),
      on('/api/audit-events/verify', {
        ok: false,
        checked: 57,
        headSeq: 130,
        headHash: 'ab12',
        firstBad: { seq: 57, problem: 'hash mismatch' },
      }),
    ]);
    renderApp('/audit');

    fireEvent.click(await screen.findByTestId('audit-verify'));

    const result = await screen.findByTestId('audit-verify-result');
    expect(within(result).getByText('Nhật ký đã bị can thiệp')).toBeTruthy();
    expect(within(result).getByText(/Sự kiện số 57 không khớp chuỗi \(hash mismatch\)/)).toBeTruthy();
  });
});
