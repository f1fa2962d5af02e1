import { vi } from 'vitest';

export interface RecordedRequest {
  path: string;
  query: URLSearchParams;
  headers: Headers;
}

type Handler = (request: RecordedRequest) => { status?: number; body: unknown } | undefined;

/**
 * Replaces `fetch` with a tiny in-memory PCMT API. Handlers are tried in order; a request
 * nobody answers fails the test loudly with a 404 ROUTE_NOT_FOUND body, as the server would.
 */
export function stubApi(handlers: Handler[]) {
  const requests: RecordedRequest[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://pcmt.test');
    const request: RecordedRequest = { path: url.pathname, query: url.searchParams, headers: new Headers(init?.headers) };
    requests.push(request);
    for (const handler of handlers) {
      const answer = handler(request);
      if (answer) {
        return new Response(JSON.stringify(answer.body), {
          status: answer.status ?? 200,
          headers: { 'content-type': 'application/json; charset=utf-8', 'x-request-id': 'req-test' },
        });
      }
    }
    return new Response(
      JSON.stringify({ code: 'ROUTE_NOT_FOUND', message: `No fake for ${url.pathname}${url.search}`, requestId: 'req-test' }),
      { status: 404, headers: { 'content-type': 'application/json' } },
    );
  });
  vi.stubGlobal('fetch', fetchMock);
  return { fetchMock, requests };
}

/** Answers `path` (exact), optionally only when the query has the given values, with `body`. */
export function on(path: string, body: unknown, status = 200, query: Record<string, string | null> = {}): Handler {
  return (request) => {
    if (request.path !== path) return undefined;
    const matches = Object.entries(query).every(([key, value]) => request.query.get(key) === value);
    return matches ? { status, body } : undefined;
  };
}
