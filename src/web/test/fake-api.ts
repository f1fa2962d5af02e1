import { vi } from 'vitest';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Headers;
  /** The JSON body sent, parsed; undefined when there was none. */
  body: unknown;
  credentials: RequestCredentials | undefined;
}

type Answer = { status?: number; body: unknown };
type Handler = (request: RecordedRequest) => Answer | undefined;

function parseBody(body: BodyInit | null | undefined): unknown {
  if (typeof body !== 'string') return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

/**
 * Replaces `fetch` with a tiny in-memory PCMT API. Handlers are tried in order; a request
 * nobody answers fails the test loudly with a 404 ROUTE_NOT_FOUND body, as the server would.
 * A `null` body with status 204 is an empty answer.
 */
export function stubApi(handlers: Handler[]) {
  const requests: RecordedRequest[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://pcmt.test');
    const request: RecordedRequest = {
      method: init?.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: new Headers(init?.headers),
      body: parseBody(init?.body),
      credentials: init?.credentials,
    };
    requests.push(request);
    for (const handler of handlers) {
      const answer = handler(request);
      if (answer) {
        if (answer.status === 204) return new Response(null, { status: 204, headers: { 'x-request-id': 'req-test' } });
        return new Response(JSON.stringify(answer.body), {
          status: answer.status ?? 200,
          headers: { 'content-type': 'application/json; charset=utf-8', 'x-request-id': 'req-test' },
        });
      }
    }
    return new Response(
      JSON.stringify({
        code: 'ROUTE_NOT_FOUND',
        message: `No fake for ${request.method} ${url.pathname}${url.search}`,
        requestId: 'req-test',
      }),
      { status: 404, headers: { 'content-type': 'application/json' } },
    );
  });
  vi.stubGlobal('fetch', fetchMock);
  return { fetchMock, requests };
}

/** Answers GET `path` (exact), optionally only when the query has the given values, with `body`. */
export function on(path: string, body: unknown, status = 200, query: Record<string, string | null> = {}): Handler {
  return (request) => {
    if (request.method !== 'GET' || request.path !== path) return undefined;
    const matches = Object.entries(query).every(([key, value]) => request.query.get(key) === value);
    return matches ? { status, body } : undefined;
  };
}

/**
 * Answers a write (`POST`, `PUT`, `PATCH`, `DELETE`) to `path`. `answer` may depend on the request
 * (e.g. accept one code and refuse others); returning undefined lets later handlers answer.
 */
export function onWrite(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  answer: Answer | ((request: RecordedRequest) => Answer | undefined),
): Handler {
  return (request) => {
    if (request.method !== method || request.path !== path) return undefined;
    return typeof answer === 'function' ? answer(request) : answer;
  };
}

/** The error body the server sends, for fakes of refusals. */
export function apiError(code: string, message: string, status: number): Answer {
  return { status, body: { code, message, requestId: 'req-test' } };
}
