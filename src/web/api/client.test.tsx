import { UnitPeriodsResponse } from '@shared/contracts/units';
import { describe, expect, it, vi } from 'vitest';
import { changeLanguage } from '../i18n';
import { on, stubApi } from '../test/fake-api';
import { PERIODS } from '../test/fixtures';
import { ApiError, apiGet } from './client';

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
