import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, onWrite, stubApi } from '../../test/fake-api';
import { currentUser, session, signedOut } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';
import { click, logIn, type } from './login-test-helpers';

const NEW_USER = currentUser(['commune_officer'], { mustChangePassword: true, mfaEnrolled: false });
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DP';
const QR_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 29 29"><path d="M0 0h7v7H0z"/></svg>';
const RECOVERY_CODES = ['7kq2-m9xa', 'p4rt-8wze', 'c3nd-v6yh', 'b8fs-2jlu'];

function setupApi() {
  return stubApi([
    signedOut(),
    onWrite('POST', '/api/auth/login', { body: session('setup', NEW_USER, 'csrf-login') }),
    onWrite('POST', '/api/auth/password', (request) =>
      (request.body as { newPassword: string }).newPassword === 'password123456'
        ? apiError('PASSWORD_TOO_COMMON', 'Mật khẩu này quá phổ biến hoặc chứa tên đăng nhập; hãy chọn mật khẩu khác.', 400)
        : { body: session('setup', { ...NEW_USER, mustChangePassword: false }, 'csrf-password') },
    ),
    onWrite('POST', '/api/auth/mfa/enrol', {
      body: { secret: SECRET, otpauthUri: `otpauth://totp/PCMT:canbo.thunghiem?secret=${SECRET}&issuer=PCMT`, qrSvg: QR_SVG },
    }),
    onWrite('POST', '/api/auth/mfa/confirm', {
      body: {
        ...session('active', { ...NEW_USER, mustChangePassword: false, mfaEnrolled: true }, 'csrf-active'),
        recoveryCodes: RECOVERY_CODES,
      },
    }),
  ]);
}

describe('first login (stage setup)', () => {
  it('changes the temporary password, enrols TOTP with the QR image, shows the recovery codes once, then opens the app', async () => {
    const { requests } = setupApi();
    const { router, queryClient } = renderApp('/login');

    await logIn('canbo.thunghiem', 'Tam-thoi-123');

    // Step 1: the password just typed is already in "current password".
    const current = (await screen.findByTestId('current-password')) as HTMLInputElement;
    expect(current.value).toBe('Tam-thoi-123');
    expect(screen.getByText('Đổi mật khẩu', { selector: '.ant-steps-item-title, .ant-steps-item-title *' })).toBeTruthy();
    await type('new-password', 'ngắn');
    await type('new-password-repeat', 'khác');
    await click('password-submit');
    expect(await screen.findByText('Mật khẩu dài từ 12 đến 128 ký tự.')).toBeTruthy();
    expect(await screen.findByText('Hai lần nhập mật khẩu mới không giống nhau.')).toBeTruthy();
    expect(requests.some((request) => request.path === '/api/auth/password')).toBe(false);

    await type('new-password', 'password123456');
    await type('new-password-repeat', 'password123456');
    await click('password-submit');
    // The server's refusal appears next to the new password.
    expect(await screen.findByText('Mật khẩu này quá phổ biến hoặc chứa tên đăng nhập; hãy chọn mật khẩu khác.')).toBeTruthy();

    await type('new-password', 'núi cao sông dài biển rộng');
    await type('new-password-repeat', 'núi cao sông dài biển rộng');
    await click('password-submit');

    // Step 2: the QR code is an image built from the server's SVG (no markup injected), the secret is typeable.
    const qr = (await screen.findByTestId('totp-qr')) as HTMLImageElement;
    expect(qr.tagName).toBe('IMG');
    expect(qr.getAttribute('src')).toBe(`data:image/svg+xml;utf8,${encodeURIComponent(QR_SVG)}`);
    expect(document.querySelector('svg path[d="M0 0h7v7H0z"]')).toBeNull();
    const secret = screen.getByTestId('totp-secret');
    expect(secret.textContent).toBe(SECRET);
    expect(secret.getAttribute('data-secret')).toBe(SECRET);
    expect(within(secret).getAllByText(/^[A-Z2-7]{4}$/)).toHaveLength(6);
    expect(screen.getByText(/Google Authenticator, Microsoft Authenticator/)).toBeTruthy();

    await type('enrol-code', '246810');
    await click('enrol-submit');

    // Step 3: the codes, shown once; the app waits for the explicit "saved" step.
    const list = await screen.findByTestId('recovery-codes');
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(RECOVERY_CODES);
    expect(router.state.location.pathname).toBe('/login');
    expect(screen.getByText('Sao chép các mã')).toBeTruthy();
    fireEvent.click(screen.getByTestId('recovery-done'));

    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    const cached = queryClient.getQueryData(['auth', 'session']) as Record<string, unknown>;
    expect(cached.stage).toBe('active');
    // The codes are not kept in memory once the step is done.
    expect(cached.recoveryCodes).toBeUndefined();

    const password = requests.filter((request) => request.path === '/api/auth/password').at(-1);
    expect(password?.body).toEqual({ currentPassword: 'Tam-thoi-123', newPassword: 'núi cao sông dài biển rộng' });
    expect(password?.headers.get('x-csrf-token')).toBe('csrf-login');
    const confirm = requests.find((request) => request.path === '/api/auth/mfa/confirm');
    expect(confirm?.body).toEqual({ code: '246810' });
    expect(confirm?.headers.get('x-csrf-token')).toBe('csrf-password');
    expect(requests.filter((request) => request.path === '/api/auth/mfa/enrol')).toHaveLength(1);
  });
});
