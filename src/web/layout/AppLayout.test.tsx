import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { on, onWrite, stubApi } from '../test/fake-api';
import { AGENCIES, signedIn, signedOut } from '../test/fixtures';
import { renderApp } from '../test/render-app';

/** The side menu, once the router has rendered the layout. */
async function findMenu() {
  return within(await screen.findByRole('navigation'));
}

describe('AppLayout', () => {
  it('shows the menu in Vietnamese and switches it to English, remembering the choice', async () => {
    stubApi([signedIn()]);
    renderApp('/');
    const menu = await findMenu();

    expect(menu.getByText('Đơn vị hành chính')).toBeTruthy();
    expect(menu.getByText('Cơ quan, đơn vị')).toBeTruthy();
    expect(menu.getByText('Danh mục')).toBeTruthy();

    fireEvent.click(screen.getByText('English'));

    expect(await menu.findByText('Administrative units')).toBeTruthy();
    expect(menu.getByText('Agencies')).toBeTruthy();
    expect(menu.getByText('Reference data')).toBeTruthy();
    expect(menu.queryByText('Đơn vị hành chính')).toBeNull();
    expect(window.localStorage.getItem('pcmt.language')).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('marks the modules that do not exist yet as disabled "coming soon" entries, not links', async () => {
    stubApi([signedIn()]);
    renderApp('/');
    const menu = await findMenu();

    const hotspots = menu.getByText('Địa bàn, tụ điểm');
    const item = hotspots.closest('li');
    expect(item?.getAttribute('aria-disabled')).toBe('true');
    expect(within(item as HTMLElement).getByText('sắp có')).toBeTruthy();
    expect(hotspots.closest('a')).toBeNull();
    // The working pages are real links.
    expect(menu.getByText('Đơn vị hành chính').closest('a')?.getAttribute('href')).toBe('/units');
    expect(menu.getByText('Kế hoạch').closest('a')?.getAttribute('href')).toBe('/plans');
  });

  it('opens the person registry to the roles that work with persons, and hides it from the others', async () => {
    stubApi([signedIn(['commune_officer'])]);
    const officer = renderApp('/');
    let menu = await findMenu();
    const entry = menu.getByText('Đối tượng & hồ sơ quản lý');
    expect(entry.closest('a')?.getAttribute('href')).toBe('/persons');
    expect(entry.closest('li')?.getAttribute('aria-disabled')).not.toBe('true');
    officer.unmount();

    // No person data for an administrator: no entry at all (it is not "coming soon" for them either).
    stubApi([signedIn(['system_admin'])]);
    renderApp('/');
    menu = await findMenu();
    expect(menu.getByText('Kế hoạch')).toBeTruthy();
    expect(menu.queryByText('Đối tượng & hồ sơ quản lý')).toBeNull();
  });

  it('highlights the menu entry of the current page', async () => {
    stubApi([signedIn(), on('/api/agencies', { items: AGENCIES })]);
    renderApp('/agencies');

    await screen.findByText('Phòng Cảnh sát điều tra tội phạm về ma túy', { selector: 'strong' });
    const selected = screen.getByRole('navigation').querySelector('.ant-menu-item-selected');
    expect(selected?.textContent).toBe('Cơ quan, đơn vị');
  });

  it('shows who is logged in, with unit and agency, in the header', async () => {
    stubApi([signedIn()]);
    renderApp('/');

    const user = await screen.findByTestId('user-menu');
    expect(within(user).getByText('Cán bộ Thử nghiệm')).toBeTruthy();
    expect(within(user).getByText('Thành phố Hà Nội · Phòng Cảnh sát điều tra tội phạm về ma túy')).toBeTruthy();
  });

  it('shows the administration entries only to users holding their permission', async () => {
    stubApi([signedIn(['system_admin'])]);
    const admin = renderApp('/');
    let menu = await findMenu();
    expect(menu.getByText('Quản trị')).toBeTruthy();
    expect(menu.getByText('Người dùng').closest('a')?.getAttribute('href')).toBe('/admin/users');
    // Separation of duties: the administrator does not read the audit log.
    expect(menu.queryByText('Nhật ký truy cập')).toBeNull();
    admin.unmount();

    stubApi([signedIn(['auditor'])]);
    const auditor = renderApp('/');
    menu = await findMenu();
    expect(menu.getByText('Nhật ký truy cập').closest('a')?.getAttribute('href')).toBe('/audit');
    expect(menu.queryByText('Người dùng')).toBeNull();
    auditor.unmount();

    stubApi([signedIn(['commune_officer'])]);
    renderApp('/');
    menu = await findMenu();
    expect(menu.queryByText('Quản trị')).toBeNull();
  });

  it('logs out with the CSRF token and lands on the login page, with nothing of the session kept', async () => {
    const { requests } = stubApi([signedIn(), onWrite('POST', '/api/auth/logout', { status: 204, body: null })]);
    const { router, queryClient } = renderApp('/');

    fireEvent.click(await screen.findByTestId('user-menu'));
    fireEvent.click(await screen.findByText('Đăng xuất'));

    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    const logout = requests.find((request) => request.path === '/api/auth/logout');
    expect(logout?.method).toBe('POST');
    expect(logout?.headers.get('x-csrf-token')).toBe('csrf-active');
    expect(await screen.findByTestId('login-username')).toBeTruthy();
    expect(queryClient.getQueryData(['auth', 'session'])).toBeNull();
  });

  it('shows an unknown address as not found inside the layout, and only after login', async () => {
    stubApi([signedIn()]);
    const view = renderApp('/ke-hoach/123');
    expect(await screen.findByText('Địa chỉ /ke-hoach/123 không có trong hệ thống.')).toBeTruthy();
    expect(screen.getByRole('navigation')).toBeTruthy();
    view.unmount();

    stubApi([signedOut()]);
    const { router } = renderApp('/ke-hoach/123');
    expect(await screen.findByTestId('login-username')).toBeTruthy();
    expect(router.state.location.search).toEqual({ next: '/ke-hoach/123' });
  });

  it('refuses an administration page to a user without the permission', async () => {
    stubApi([signedIn(['provincial_officer'])]);
    renderApp('/admin/users');

    expect(await screen.findByText('Không có quyền truy cập')).toBeTruthy();
  });
});
