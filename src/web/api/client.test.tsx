import { UnitPeriodsResponse } from '@shared/contracts/units';
import { PasswordResetResponse } from '@shared/contracts/users';
import { describe, expect, it, vi } from 'vitest';
import { changeLanguage } from '../i18n';
import { apiError, on, onWrite, stubApi } from '../test/fake-api';
import { currentUser, PERIODS, session, signedOut } from '../test/fixtures';
import { ApiError, apiDelete, apiGet, apiPatch, apiPost, apiPut, getCsrfToken, onAuthRequired, setCsrfToken } from './client';

async function failureOf(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('apiGet', () => {
  it('turns the server error body into an ApiError with its code, message, issues and request id', async () => {
    stubApi([
      on(
        '/api/units/search',
        {
          code: 'VALIDATION_FAILED',
          message: 'Yêu cầu không hợp lệ, hãy sửa các trường được nêu.',
          issues: [{ path: ['query', 'at'], message: 'Ngày phải có dạng YYYY-MM-DD.' }],
          requestId: 'req-42',
        },
        400,
      ),
    ]);

    const error = await failureOf(apiGet('/api/units/search', { query: { q: 'x', at: 'bad' }, schema: UnitPeriodsResponse }));

    expect(error.status).toBe(400);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toBe('Yêu cầu không hợp lệ, hãy sửa các trường được nêu.');
    expect(error.issues).toEqual([{ path: ['query', 'at'], message: 'Ngày phải có dạng YYYY-MM-DD.' }]);
    expect(error.requestId).toBe('req-42');
  });

  it('asks in the UI language and leaves out empty query values', async () => {
    const { requests } = stubApi([on('/api/units/periods', { items: PERIODS })]);
    await changeLanguage('en');

    const data = await apiGet('/api/units/periods', {
      query: { at: undefined, sort: 'code', q: '' },
      schema: UnitPeriodsResponse,
    });

    expect(data.items.map((period) => period.id)).toEqual(['vn-pre-2025', 'vn-2025']);
    expect(requests[0]?.headers.get('accept-language')).toBe('en');
    expect([...(requests[0]?.query.keys() ?? [])]).toEqual(['sort']);
  });

  it('explains, in the UI language, an answer that is not PCMT JSON (e.g. a proxy error page)', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('<html>502 Bad Gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } })),
    );

    const error = await failureOf(apiGet('/api/units/periods', { schema: UnitPeriodsResponse }));

    expect(error.status).toBe(502);
    expect(error.code).toBe('BAD_RESPONSE');
    expect(error.message).toContain('502');
    expect(error.message).toMatch(/^Máy chủ trả lời không đúng định dạng/);
  });

  it('reports an unreachable server as NETWORK_ERROR', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );

    const error = await failureOf(apiGet('/api/units/periods', { schema: UnitPeriodsResponse }));

    expect(error.status).toBe(0);
    expect(error.code).toBe('NETWORK_ERROR');
    expect(error.message).toMatch(/^Không kết nối được tới máy chủ PCMT/);
  });

  it('rejects a 200 answer that does not match the contract instead of rendering garbage', async () => {
    stubApi([on('/api/units/periods', { items: [{ id: 'vn-2025' }] })]);
    vi.spyOn(console, 'error').mockImplementation(() => {});

    const error = await failureOf(apiGet('/api/units/periods', { schema: UnitPeriodsResponse }));

    expect(error.code).toBe('BAD_RESPONSE');
    expect(error.status).toBe(200);
  });
});

describe('apiPost, apiPatch, apiDelete', () => {
  it('send JSON with the session CSRF token, the UI language and same-origin credentials', async () => {
    const { requests } = stubApi([onWrite('POST', '/api/users', { status: 201, body: { temporaryPassword: 'x' } })]);
    setCsrfToken('token-1');

    const answer = await apiPost('/api/users', { body: { username: 'an' }, schema: PasswordResetResponse });

    expect(answer).toEqual({ temporaryPassword: 'x' });
    const [post] = requests;
    expect(post?.method).toBe('POST');
    expect(post?.headers.get('x-csrf-token')).toBe('token-1');
    expect(post?.headers.get('content-type')).toBe('application/json');
    expect(post?.headers.get('accept-language')).toBe('vi');
    expect(post?.credentials).toBe('same-origin');
    expect(post?.body).toEqual({ username: 'an' });
  });

  it('send no Content-Type without a body, and return nothing for 204', async () => {
    const { requests } = stubApi([
      onWrite('POST', '/api/auth/logout', { status: 204, body: null }),
      onWrite('DELETE', '/api/me/sessions/s1', { status: 204, body: null }),
      onWrite('PATCH', '/api/users/u1', { status: 204, body: null }),
    ]);
    setCsrfToken('token-2');

    await expect(apiPost('/api/auth/logout')).resolves.toBeUndefined();
    await expect(apiDelete('/api/me/sessions/s1')).resolves.toBeUndefined();
    await apiPatch('/api/users/u1', { body: { disabled: true } });

    expect(requests.map((request) => request.method)).toEqual(['POST', 'DELETE', 'PATCH']);
    expect(requests[0]?.headers.has('content-type')).toBe(false);
    expect(requests.every((request) => request.headers.get('x-csrf-token') === 'token-2')).toBe(true);
    expect(requests[2]?.body).toEqual({ disabled: true });
  });

  it('PUT sends the whole body with the token, and a refusal keeps the extra fields of its error body', async () => {
    const current = { id: 'p1', version: 4 };
    const { requests } = stubApi([
      onWrite('PUT', '/api/persons/p1', {
        status: 409,
        body: { code: 'VERSION_CONFLICT', message: 'Hồ sơ đã được người khác sửa.', current, requestId: 'req-9' },
      }),
    ]);
    setCsrfToken('token-4');

    const error = await failureOf(apiPut('/api/persons/p1', { body: { fullName: 'Nguyễn Văn Thử', version: 3 } }));

    expect(requests[0]?.method).toBe('PUT');
    expect(requests[0]?.headers.get('x-csrf-token')).toBe('token-4');
    expect(requests[0]?.body).toEqual({ fullName: 'Nguyễn Văn Thử', version: 3 });
    expect(error.status).toBe(409);
    expect(error.code).toBe('VERSION_CONFLICT');
    expect((error.body as { current: unknown }).current).toEqual(current);
  });

  it('never send the CSRF token on a GET', async () => {
    const { requests } = stubApi([on('/api/units/periods', { items: PERIODS })]);
    setCsrfToken('token-3');

    await apiGet('/api/units/periods', { schema: UnitPeriodsResponse });

    expect(requests[0]?.headers.has('x-csrf-token')).toBe(false);
    expect(requests[0]?.credentials).toBe('same-origin');
  });

  it('fetch a fresh token once and retry when the token is stale (CSRF_INVALID)', async () => {
    const { requests } = stubApi([
      onWrite('POST', '/api/users/u1/revoke-sessions', (request) =>
        request.headers.get('x-csrf-token') === 'fresh'
          ? { status: 204, body: null }
          : apiError('CSRF_INVALID', 'Yêu cầu thiếu mã chống giả mạo (CSRF). Hãy tải lại trang.', 403),
      ),
      on('/api/auth/me', session('active', currentUser(), 'fresh')),
    ]);
    setCsrfToken('stale');

    await apiPost('/api/users/u1/revoke-sessions');

    expect(requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /api/users/u1/revoke-sessions',
      'GET /api/auth/me',
      'POST /api/users/u1/revoke-sessions',
    ]);
    expect(getCsrfToken()).toBe('fresh');
  });

  it('report an ended session (401 AUTH_REQUIRED) to the app-wide handler, other refusals not', async () => {
    stubApi([
      onWrite('POST', '/api/users', apiError('AUTH_REQUIRED', 'Phiên làm việc đã hết hạn.', 401)),
      onWrite('POST', '/api/auth/login', apiError('LOGIN_FAILED', 'Tên đăng nhập hoặc mật khẩu không đúng.', 401)),
      signedOut(),
    ]);
    const handler = vi.fn();
    const remove = onAuthRequired(handler);

    expect((await failureOf(apiPost('/api/users', { body: {} }))).code).toBe('AUTH_REQUIRED');
    expect(handler).toHaveBeenCalledTimes(1);
    expect((await failureOf(apiPost('/api/auth/login', { body: {} }))).code).toBe('LOGIN_FAILED');
    // `/api/auth/me` asks "is anyone logged in?": no is an answer, not an ended session.
    await failureOf(apiGet('/api/auth/me', { schema: UnitPeriodsResponse, anonymousAllowed: true }));
    expect(handler).toHaveBeenCalledTimes(1);
    remove();
  });
});
