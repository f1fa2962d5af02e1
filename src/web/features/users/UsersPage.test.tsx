import type { UserDto } from '@shared/contracts/users';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, on, onWrite, stubApi } from '../../test/fake-api';
import { AGENCIES, BA_DINH_WARD, CURRENT_AT, HANOI_ANCESTOR, signedIn } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';
import { changesOf } from './UserFormDrawer';

/** A fake account of the tests. */
function account(overrides: Partial<UserDto> = {}): UserDto {
  return {
    id: '00000000-0000-4000-8000-00000000000a',
    username: 'xa.badinh',
    displayName: 'Cán bộ Xã Thử nghiệm',
    roles: ['commune_officer'],
    unit: { id: 'id-00004-now', code: '00004', fullName: 'Phường Ba Đình' },
    agencyCode: 'CA_TINH',
    facilityId: null,
    email: null,
    mfaEnrolled: true,
    mustChangePassword: false,
    lockedUntil: null,
    disabledAt: null,
    createdAt: '2026-03-01T02:00:00.000Z',
    activeSessions: 2,
    ...overrides,
  };
}

const EXISTING = account();

function usersApi(extra: Parameters<typeof stubApi>[0] = []) {
  return stubApi([
    signedIn(['system_admin']),
    ...extra,
    on('/api/users', { items: [EXISTING] }),
    on('/api/agencies', { items: AGENCIES }),
    on('/api/units/search', { at: CURRENT_AT, items: [{ unit: BA_DINH_WARD, ancestors: [HANOI_ANCESTOR], fuzzy: false }] }),
  ]);
}

/** Opens an antd Select, optionally types a search, and picks the option with this text. */
async function choose(testId: string, optionText: string, search?: string) {
  const select = await screen.findByTestId(testId);
  const input = within(select).getByRole('combobox');
  fireEvent.mouseDown(input);
  if (search) fireEvent.change(input, { target: { value: search } });
  const option = await waitFor(() => {
    const found = [...document.querySelectorAll<HTMLElement>('.ant-select-item-option')].find((item) =>
      item.textContent?.includes(optionText),
    );
    if (!found) throw new Error(`No option "${optionText}"`);
    return found;
  });
  fireEvent.click(option);
}

/** The antd confirmation dialog on screen (modal.confirm). */
async function confirmDialog() {
  return within(
    await waitFor(() => document.querySelector<HTMLElement>('.ant-modal-confirm') ?? Promise.reject(new Error('no dialog'))),
  );
}

describe('UsersPage', () => {
  it('lists accounts with Vietnamese role names, their unit, agency and state; search goes to the URL', async () => {
    const { requests } = usersApi();
    const { router } = renderApp('/admin/users');

    const row = (await screen.findByText('Cán bộ Xã Thử nghiệm')).closest('tr') as HTMLElement;
    expect(within(row).getByText('xa.badinh')).toBeTruthy();
    expect(within(row).getByText('Cán bộ cấp xã')).toBeTruthy();
    expect(await within(row).findByText('Công an tỉnh')).toBeTruthy();
    expect(within(row).getByText('Đang hoạt động')).toBeTruthy();
    expect(within(row).getByText('01/03/2026')).toBeTruthy();

    fireEvent.change(screen.getByTestId('user-search'), { target: { value: 'ba dinh' } });
    await waitFor(() => expect(router.state.location.search).toMatchObject({ q: 'ba dinh' }));
    await waitFor(() =>
      expect(
        requests
          .filter((r) => r.path === '/api/users')
          .at(-1)
          ?.query.get('q'),
      ).toBe('ba dinh'),
    );
    expect(
      requests
        .filter((r) => r.path === '/api/users')
        .at(-1)
        ?.query.get('includeDisabled'),
    ).toBe('false');
  });

  it('creates a user and shows the temporary password once', async () => {
    const created = account({
      id: '00000000-0000-4000-8000-00000000000b',
      username: 'nguyen.thu',
      displayName: 'Người Dùng Thử',
      mustChangePassword: true,
      mfaEnrolled: false,
      activeSessions: 0,
    });
    const { requests } = usersApi([
      onWrite('POST', '/api/users', (request) =>
        (request.body as { username: string }).username === 'xa.badinh'
          ? apiError('USERNAME_TAKEN', 'Tên đăng nhập xa.badinh đã có người dùng.', 409)
          : { status: 201, body: { user: created, temporaryPassword: 'Tam-7Qx-93Lm-Zp' } },
      ),
    ]);
    renderApp('/admin/users');

    fireEvent.click(await screen.findByTestId('user-create'));
    fireEvent.change(await screen.findByTestId('user-username'), { target: { value: 'xa.badinh' } });
    fireEvent.change(screen.getByTestId('user-display-name'), { target: { value: 'Người Dùng Thử' } });
    // Where reminders are e-mailed (issue 5's notifications); optional, trimmed.
    fireEvent.change(screen.getByTestId('user-email'), { target: { value: ' thu.nghiem@example.vn ' } });
    await choose('user-unit', 'Phường Ba Đình (00004)', 'ba dinh');
    await choose('user-agency', 'Công an tỉnh (CA_TINH)');
    await choose('user-roles', 'Cán bộ cấp xã');
    fireEvent.click(screen.getByTestId('user-form-submit'));

    // A taken username is said next to the field; the form stays open.
    expect(await screen.findByText('Tên đăng nhập xa.badinh đã có người dùng.')).toBeTruthy();
    fireEvent.change(screen.getByTestId('user-username'), { target: { value: 'Nguyen.Thu' } });
    fireEvent.click(screen.getByTestId('user-form-submit'));

    const password = await screen.findByTestId('temp-password');
    expect(password.textContent).toBe('Tam-7Qx-93Lm-Zp');
    expect(screen.getByText('Mật khẩu tạm thời của nguyen.thu')).toBeTruthy();
    const create = requests.filter((request) => request.method === 'POST' && request.path === '/api/users').at(-1);
    expect(create?.body).toEqual({
      username: 'nguyen.thu',
      displayName: 'Người Dùng Thử',
      unitCode: '00004',
      agencyCode: 'CA_TINH',
      roles: ['commune_officer'],
      email: 'thu.nghiem@example.vn',
    });
    expect(create?.headers.get('x-csrf-token')).toBe('csrf-active');

    fireEvent.click(screen.getByTestId('temp-password-done'));
    await waitFor(() => expect(screen.queryByTestId('temp-password')).toBeNull());
  });

  it('refuses a provincial role for a commune before sending', async () => {
    const { requests } = usersApi();
    renderApp('/admin/users');

    fireEvent.click(await screen.findByTestId('user-create'));
    fireEvent.change(await screen.findByTestId('user-username'), { target: { value: 'tinh.thu' } });
    fireEvent.change(screen.getByTestId('user-display-name'), { target: { value: 'Cán bộ Tỉnh' } });
    await choose('user-unit', 'Phường Ba Đình (00004)', 'ba dinh');
    await choose('user-agency', 'Công an tỉnh (CA_TINH)');
    await choose('user-roles', 'Cán bộ cấp tỉnh');
    fireEvent.click(screen.getByTestId('user-form-submit'));

    expect(await screen.findByText('Vai trò Cán bộ cấp tỉnh cần đơn vị hành chính cấp tỉnh.')).toBeTruthy();
    expect(requests.some((request) => request.method === 'POST')).toBe(false);
  });

  it('warns that changing roles ends the user’s sessions, then sends only what changed', async () => {
    const { requests } = usersApi([
      onWrite('PATCH', `/api/users/${EXISTING.id}`, { body: account({ roles: ['commune_officer', 'facility_staff'] }) }),
    ]);
    renderApp('/admin/users');

    fireEvent.click(await screen.findByTestId('user-edit'));
    await choose('user-roles', 'Nhân viên cơ sở y tế/cai nghiện');
    fireEvent.click(screen.getByTestId('user-form-submit'));

    const dialog = await confirmDialog();
    expect(
      dialog.getByText(/của Cán bộ Xã Thử nghiệm thay đổi: mọi phiên đăng nhập của người này sẽ kết thúc ngay/),
    ).toBeTruthy();
    expect(requests.some((request) => request.method === 'PATCH')).toBe(false);
    fireEvent.click(dialog.getByRole('button', { name: 'Lưu' }));

    await waitFor(() => expect(requests.some((request) => request.method === 'PATCH')).toBe(true));
    expect(requests.find((request) => request.method === 'PATCH')?.body).toEqual({
      roles: ['commune_officer', 'facility_staff'],
    });
  });

  it('resets a password after confirmation and shows the new temporary password once', async () => {
    const { requests } = usersApi([
      onWrite('POST', `/api/users/${EXISTING.id}/reset-password`, { body: { temporaryPassword: 'Moi-4Hs-82Kd-Vq' } }),
    ]);
    renderApp('/admin/users');

    fireEvent.click(await screen.findByTestId('user-more'));
    fireEvent.click(await screen.findByText('Cấp lại mật khẩu'));
    const dialog = await confirmDialog();
    expect(dialog.getAllByText('Cấp lại mật khẩu cho xa.badinh?').length).toBeGreaterThan(0);
    expect(requests.some((request) => request.path.endsWith('/reset-password'))).toBe(false);
    fireEvent.click(dialog.getByRole('button', { name: 'Cấp lại mật khẩu' }));

    expect((await screen.findByTestId('temp-password')).textContent).toBe('Moi-4Hs-82Kd-Vq');
    expect(requests.filter((request) => request.path.endsWith('/reset-password'))).toHaveLength(1);
  });
});

describe('changesOf', () => {
  const values = {
    displayName: EXISTING.displayName,
    unitCode: EXISTING.unit.code,
    agencyCode: EXISTING.agencyCode,
    roles: EXISTING.roles,
  };
  it('sends an e-mail address that was added, changed or cleared, without ending sessions', () => {
    expect(changesOf(EXISTING, { ...values, email: ' can.bo@example.vn ' })).toEqual({
      body: { email: 'can.bo@example.vn' },
      endsSessions: false,
    });
    const withEmail = { ...EXISTING, email: 'can.bo@example.vn' };
    expect(changesOf(withEmail, { ...values, email: '' })).toEqual({ body: { email: null }, endsSessions: false });
    expect(changesOf(withEmail, { ...values, email: 'can.bo@example.vn' })).toEqual({ body: {}, endsSessions: false });
  });
});
