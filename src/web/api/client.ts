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

  constructor(init: { status: number; code: string; message: string; issues?: Issue[]; requestId?: string | null }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.issues = init.issues ?? [];
    this.requestId = init.requestId ?? null;
  }
}

export type QueryParams = Record<string, string | number | boolean | undefined>;

export interface ApiGetOptions<T> {
  query?: QueryParams;
  /** Contract schema the answer is checked against, so a server/client mismatch fails loudly here. */
  schema: z.ZodType<T>;
  signal?: AbortSignal;
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

/** GET a JSON resource of the PCMT API, in the UI language. Throws ApiError on any failure. */
export async function apiGet<T>(path: string, { query, schema, signal }: ApiGetOptions<T>): Promise<T> {
  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), {
      method: 'GET',
      headers: { Accept: 'application/json', 'Accept-Language': currentLanguage() },
      signal,
    });
  } catch (error) {
    // Cancelled by React Query (the officer moved on): let the abort propagate unchanged.
    if (signal?.aborted) throw error;
    throw new ApiError({ status: 0, code: 'NETWORK_ERROR', message: i18n.t('errors.network') });
  }

  const body = await readJson(response);
  if (!response.ok) {
    const error = ErrorBody.safeParse(body);
    if (error.success) throw new ApiError({ status: response.status, ...error.data });
    // A proxy or gateway page rather than PCMT's own error body.
    throw new ApiError({
      status: response.status,
      code: 'BAD_RESPONSE',
      message: i18n.t('errors.badResponse', { status: response.status }),
      requestId: response.headers.get('x-request-id'),
    });
  }

  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    console.error(`Unexpected response from ${path}`, parsed.error);
    throw new ApiError({
      status: response.status,
      code: 'BAD_RESPONSE',
      message: i18n.t('errors.badResponse', { status: response.status }),
      requestId: response.headers.get('x-request-id'),
    });
  }
  return parsed.data;
}
