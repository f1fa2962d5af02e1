import { ErrorBody, type ErrorIssue } from '@shared/contracts/common';
import type { z } from 'zod';
import { currentLanguage, i18n } from '../i18n';

type Issue = z.infer<typeof ErrorIssue>;

/**
 * An API call that failed. `message` is the server's text in the UI language (or, when the
 * server could not be reached or did not answer with its error body, our own text), ready to
 * show to the officer as it is.
 */
export class ApiError extends Error {
  readonly status: number;
  /** `UNIT_NOT_FOUND`, `VALIDATION_FAILED`, … from src/shared/errors.ts; `NETWORK_ERROR` / `BAD_RESPONSE` from here. */
  readonly code: string;
  readonly issues: Issue[];
  /** Matches the server log line; null when the request never got an answer. */
  readonly requestId: string | null;
  /**
   * The whole error body as the server sent it, for codes whose answer carries more than the
   * message (`PERSON_POSSIBLE_DUPLICATE` lists candidates, `VERSION_CONFLICT` the current record).
   * Unchecked: read it with the contract's schema.
   */
  readonly body: unknown;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    issues?: Issue[];
    requestId?: string | null;
    body?: unknown;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.issues = init.issues ?? [];
    this.requestId = init.requestId ?? null;
    this.body = init.body;
  }
}

/** True for the answer "no valid session": not logged in, idle for 15 minutes, or past 12 hours. */
export function isAuthRequired(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 401 && error.code === 'AUTH_REQUIRED';
}

export type QueryParams = Record<string, string | number | boolean | undefined>;

export interface ApiGetOptions<T> {
  query?: QueryParams;
  /** Contract schema the answer is checked against, so a server/client mismatch fails loudly here. */
  schema: z.ZodType<T>;
  signal?: AbortSignal;
  /**
   * Set for `GET /api/auth/me`, where "not logged in" is an answer rather than a failure: the
   * caller handles it and the app-wide redirect to the login page is not triggered.
   */
  anonymousAllowed?: boolean;
}

export interface ApiSendOptions<T> {
  /** Sent as JSON. Without a body no Content-Type is sent (Fastify rejects an empty JSON body). */
  body?: unknown;
  /** Schema of the answer; without one the answer is not read (204 No Content). */
  schema?: z.ZodType<T>;
  signal?: AbortSignal;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * The session's anti-forgery token. Held in memory only (never in storage a script could read
 * later); the session module sets it from every SessionResponse.
 */
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function getCsrfToken(): string | null {
  return csrfToken;
}

let authRequiredHandler: (() => void) | null = null;

/**
 * Called when any request is answered 401 AUTH_REQUIRED (the session ended). The app sets it
 * once, to send the officer to the login page; returns a function that removes it again.
 */
export function onAuthRequired(handler: () => void): () => void {
  authRequiredHandler = handler;
  return () => {
    if (authRequiredHandler === handler) authRequiredHandler = null;
  };
}

function buildUrl(path: string, query: QueryParams | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

function badResponse(response: Response): ApiError {
  return new ApiError({
    status: response.status,
    code: 'BAD_RESPONSE',
    message: i18n.t('errors.badResponse', { status: response.status }),
    requestId: response.headers.get('x-request-id'),
  });
}

interface RequestSpec {
  method: Method;
  url: string;
  body?: unknown;
  /** A file sent as the raw body (uploads), with its own content type. */
  file?: Blob;
  signal?: AbortSignal;
}

async function send({ method, url, body, file, signal }: RequestSpec): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLanguage() };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (file) headers['Content-Type'] = file.type || 'application/octet-stream';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  try {
    return await fetch(url, {
      method,
      headers,
      body: file ?? (body === undefined ? undefined : JSON.stringify(body)),
      // The session cookie is HttpOnly and same-origin; it is never sent anywhere else.
      credentials: 'same-origin',
      signal,
    });
  } catch (error) {
    // Cancelled by React Query (the officer moved on): let the abort propagate unchanged.
    if (signal?.aborted) throw error;
    throw new ApiError({ status: 0, code: 'NETWORK_ERROR', message: i18n.t('errors.network') });
  }
}

async function failureOf(response: Response): Promise<ApiError> {
  const body = await readJson(response);
  const error = ErrorBody.safeParse(body);
  // Without PCMT's own error body it is a proxy or gateway page.
  return error.success ? new ApiError({ status: response.status, ...error.data, body }) : badResponse(response);
}

/**
 * Fetches the session again for its current CSRF token (another tab may have logged in anew,
 * which replaces the token). Returns false when there is no session any more.
 */
async function refreshCsrfToken(): Promise<boolean> {
  const response = await send({ method: 'GET', url: '/api/auth/me' });
  if (!response.ok) return false;
  const body = (await readJson(response)) as { csrfToken?: unknown } | undefined;
  if (typeof body?.csrfToken !== 'string') return false;
  csrfToken = body.csrfToken;
  return true;
}

/** Sends, retrying once with a fresh CSRF token; a failure becomes an ApiError. */
async function sendChecked(spec: RequestSpec, anonymousAllowed: boolean): Promise<Response> {
  let response = await send(spec);
  if (!response.ok) {
    let error = await failureOf(response);
    // A stale token is refused before the server does anything, so one retry with a fresh one is safe.
    if (error.code === 'CSRF_INVALID' && spec.method !== 'GET' && (await refreshCsrfToken())) {
      response = await send(spec);
      error = response.ok ? error : await failureOf(response);
    }
    if (!response.ok) {
      if (isAuthRequired(error) && !anonymousAllowed) authRequiredHandler?.();
      throw error;
    }
  }
  return response;
}

/** POSTs a file as the raw request body (attachments, imports) and reads the JSON answer. */
export async function apiUpload<T>(path: string, options: { file: Blob; query?: QueryParams; schema: z.ZodType<T> }): Promise<T> {
  const response = await sendChecked({ method: 'POST', url: buildUrl(path, options.query), file: options.file }, false);
  const parsed = options.schema.safeParse(await readJson(response));
  if (!parsed.success) throw badResponse(response);
  return parsed.data;
}

/**
 * Fetches a file the server makes (an export, an attachment) and hands it to the browser as a
 * download; nothing of it stays in the page. The name comes from Content-Disposition.
 */
export async function apiDownload(path: string, options: { method?: 'GET' | 'POST'; body?: unknown; fallbackName: string }) {
  const response = await sendChecked({ method: options.method ?? 'GET', url: path, body: options.body }, false);
  const disposition = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
  const plain = /filename="([^"]+)"/.exec(disposition)?.[1];
  const name = encoded ? decodeURIComponent(encoded) : (plain ?? options.fallbackName);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { name, count: Number(response.headers.get('x-export-count') ?? Number.NaN) };
}

async function request<T>(spec: RequestSpec, schema: z.ZodType<T> | undefined, anonymousAllowed = false): Promise<T> {
  const response = await sendChecked(spec, anonymousAllowed);
  if (!schema) return undefined as T;
  const parsed = schema.safeParse(await readJson(response));
  if (!parsed.success) {
    console.error(`Unexpected response from ${spec.method} ${spec.url.split('?')[0]}`, parsed.error);
    throw badResponse(response);
  }
  return parsed.data;
}

/** GET a JSON resource of the PCMT API, in the UI language. Throws ApiError on any failure. */
export function apiGet<T>(path: string, { query, schema, signal, anonymousAllowed }: ApiGetOptions<T>): Promise<T> {
  return request({ method: 'GET', url: buildUrl(path, query), signal }, schema, anonymousAllowed);
}

/** POST to the PCMT API with the session's CSRF token. Without `schema` the answer is not read. */
export function apiPost<T = void>(path: string, options: ApiSendOptions<T> = {}): Promise<T> {
  return request({ method: 'POST', url: path, body: options.body, signal: options.signal }, options.schema);
}

/** PUT a whole resource (every field, usually with the `version` read), with the session's CSRF token. */
export function apiPut<T = void>(path: string, options: ApiSendOptions<T> = {}): Promise<T> {
  return request({ method: 'PUT', url: path, body: options.body, signal: options.signal }, options.schema);
}

/** PATCH a resource (only the fields that change), with the session's CSRF token. */
export function apiPatch<T = void>(path: string, options: ApiSendOptions<T> = {}): Promise<T> {
  return request({ method: 'PATCH', url: path, body: options.body, signal: options.signal }, options.schema);
}

/** DELETE a resource, with the session's CSRF token. */
export function apiDelete<T = void>(path: string, options: ApiSendOptions<T> = {}): Promise<T> {
  return request({ method: 'DELETE', url: path, body: options.body, signal: options.signal }, options.schema);
}
