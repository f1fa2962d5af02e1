import type { SessionDto } from '@shared/contracts/auth';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { on, onWrite, stubApi } from '../../test/fake-api';
import { signedIn } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';

const CURRENT: SessionDto = {
  id: 's-current',
  current: true,
  stage: 'active',
  createdAt: '2026-03-15T01:00:00.000Z',
  lastSeenAt: '2026-03-15T02:30:00.000Z',
  expiresAt: '2026-03-15T13:00:00.000Z',
  ip: '10.0.0.5',
  userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
};
const OTHER: SessionDto = {
  ...CURRENT,
  id: 's-other',
  current: false,
  ip: '10.0.9.9',
  userAgent: 'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
};

/** Clicks the revoke button of a row and confirms in the pop-up. */
async function revoke(row: HTMLElement, confirmLabel: string) {
  fireEvent.click(within(row).getByTestId('session-revoke'));
  const popup = await waitFor(
    () => document.querySelector<HTMLElement>('.ant-popconfirm') ?? Promise.reject(new Error('no popup')),
  );
  fireEvent.click(within(popup).getByRole('button', { name: confirmLabel }));
}

describe('MySessionsPage', () => {
  it('lists the sessions with device, address and Vietnamese times, and ends another one', async () => {
    let items = [CURRENT, OTHER];
    const { requests } = stubApi([
      signedIn(),
      (request) => (request.method === 'GET' && request.path === '/api/me/sessions' ? { body: { items } } : undefined),
      onWrite('DELETE', '/api/me/sessions/s-other', () => {
        items = [CURRENT];
        return { status: 204, body: null };
      }),
    ]);
    renderApp('/me/sessions');

    const current = (await screen.findByText('Chrome 126 · Windows')).closest('tr') as HTMLElement;
    expect(within(current).getByText('Phiên hiện tại')).toBeTruthy();
    expect(within(current).getByText('15/03/2026 08:00')).toBeTruthy();
    expect(within(current).getByText('15/03/2026 20:00')).toBeTruthy();
    const other = screen.getByText('Firefox 128 · Linux').closest('tr') as HTMLElement;
    expect(within(other).getByText('10.0.9.9')).toBeTruthy();

    await revoke(other, 'Kết thúc phiên');

    await waitFor(() => expect(screen.queryByText('Firefox 128 · Linux')).toBeNull());
    const deletion = requests.find((request) => request.method === 'DELETE');
    expect(deletion?.headers.get('x-csrf-token')).toBe('csrf-active');
    expect(screen.getByText('Chrome 126 · Windows')).toBeTruthy();
  });

  it('logs out when the current session is ended', async () => {
    stubApi([
      signedIn(),
      on('/api/me/sessions', { items: [CURRENT] }),
      onWrite('DELETE', '/api/me/sessions/s-current', { status: 204, body: null }),
    ]);
    const { router } = renderApp('/me/sessions');

    const current = (await screen.findByText('Chrome 126 · Windows')).closest('tr') as HTMLElement;
    await revoke(current, 'Kết thúc phiên');

    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(await screen.findByTestId('login-username')).toBeTruthy();
  });
});
