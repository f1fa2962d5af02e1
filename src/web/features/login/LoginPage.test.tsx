import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, on, onWrite, stubApi } from '../../test/fake-api';
import { AGENCIES, currentUser, session, signedIn, signedOut } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';
import { click, logIn, type } from './login-test-helpers';

const LOGIN_FAILED = 'Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang tạm khóa.';

describe('route guard', () => {
  it('sends a visitor without a session to the login page, remembering the page and its filters', async () => {
    stubApi([signedOut()]);
    const { router } = renderApp('/units?q=ba%20dinh');

    expect(await screen.findByTestId('login-username')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/login');
    // The page as the router had validated it: period filled in, the search kept.
    expect(router.state.location.search).toEqual({ next: '/units?q=ba+dinh&period=current' });
    // No side menu before login.
    expect(screen.queryByRole('navigation')).toBeNull();
  });

  it('sends the officer to the login page when the session ends while working (401 on a data call)', async () => {
    stubApi([signedIn(), on('/api/agencies', { code: 'AUTH_REQUIRED', message: 'Phiên đã hết hạn.', requestId: 'r1' }, 401)]);
    const { router, queryClient } = renderApp('/agencies?all=true');

    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(router.state.location.search).toEqual({ next: '/agencies?all=true' });
    expect(queryClient.getQueryData(['auth', 'session'])).toBeNull();
    expect(await screen.findByTestId('login-username')).toBeTruthy();
  });
});

describe('LoginPage', () => {
  it('asks for the code when the stage is mfa, then opens the page in ?next=', async () => {
    const { requests } = stubApi([
      signedOut(),
      onWrite('POST', '/api/auth/login', { body: session('mfa') }),
      onWrite('POST', '/api/auth/mfa/verify', (request) =>
        (request.body as { code: string }).code === '123456'
          ? { body: session('active') }
          : apiError('MFA_CODE_INVALID', 'Mã xác thực không đúng, đã hết hạn hoặc đã được dùng.', 400),
      ),
      on('/api/agencies', { items: AGENCIES }),
    ]);
    const { router } = renderApp('/login?next=%2Fagencies%3Fall%3Dtrue');

    await logIn('canbo.thunghiem', 'mat khau dung roi');
    const code = await screen.findByTestId('mfa-code');
    expect(code.getAttribute('autocomplete')).toBe('one-time-code');
    expect(code.getAttribute('inputmode')).toBe('numeric');

    await type('mfa-code', '000000');
    await click('mfa-submit');
    expect(await screen.findByText('Mã xác thực không đúng, đã hết hạn hoặc đã được dùng.')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/login');

    await type('mfa-code', '123 456');
    await click('mfa-submit');

    await waitFor(() => expect(router.state.location.href).toBe('/agencies?all=true'));
    expect(await screen.findByText('Công an tỉnh', { selector: 'strong' })).toBeTruthy();
    const login = requests.find((request) => request.path === '/api/auth/login');
    expect(login?.body).toEqual({ username: 'canbo.thunghiem', password: 'mat khau dung roi' });
    // The verify call carries the token of the session the login answer created.
    const verifies = requests.filter((request) => request.path === '/api/auth/mfa/verify');
    expect(verifies.map((request) => request.body)).toEqual([{ code: '000000' }, { code: '123456' }]);
    expect(verifies[1]?.headers.get('x-csrf-token')).toBe('csrf-mfa');
  });

  it('accepts a recovery code instead of the app code', async () => {
    const { requests } = stubApi([
      signedOut(),
      onWrite('POST', '/api/auth/login', { body: session('mfa') }),
      onWrite('POST', '/api/auth/mfa/verify', { body: session('active') }),
    ]);
    const { router } = renderApp('/login');

    await logIn('canbo.thunghiem', 'mat khau dung roi');
    (await screen.findByText('Dùng mã khôi phục')).click();
    await waitFor(() => expect(screen.getByTestId('mfa-code').getAttribute('inputmode')).toBe('text'));
    await type('mfa-code', 'k7rq-2mxa');
    await click('mfa-submit');

    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(requests.find((request) => request.path === '/api/auth/mfa/verify')?.body).toEqual({ code: 'k7rq-2mxa' });
  });

  it('shows the server refusal as it comes, and stays on the login form', async () => {
    stubApi([signedOut(), onWrite('POST', '/api/auth/login', apiError('LOGIN_FAILED', LOGIN_FAILED, 401))]);
    const { router } = renderApp('/login?next=%2Funits');

    await logIn('canbo.thunghiem', 'sai mat khau');

    expect(await screen.findByText(LOGIN_FAILED)).toBeTruthy();
    expect(router.state.location.pathname).toBe('/login');
    expect(screen.getByTestId('login-password')).toBeTruthy();
  });

  it('never follows ?next= to another site', async () => {
    stubApi([signedOut(), onWrite('POST', '/api/auth/login', { body: session('active', currentUser()) })]);
    const { router } = renderApp('/login?next=%2F%2Fevil.example%2Fphish');

    await logIn('canbo.thunghiem', 'mat khau dung roi');

    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(router.state.location.href).toBe('/');
  });

  it('goes straight on when the session is already active', async () => {
    stubApi([signedIn(), on('/api/agencies', { items: AGENCIES })]);
    const { router } = renderApp('/login?next=%2Fagencies');

    await waitFor(() => expect(router.state.location.pathname).toBe('/agencies'));
  });
});
