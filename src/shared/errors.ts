import type { Locale } from './locale';

/**
 * Every error the API can answer with. The web client maps `code` to its own text; the server
 * fills `message` in the request's language from this table. Placeholders are `{name}`.
 */
export const ERRORS = {
  /** A body, query string or path parameter failed its schema; `issues` names each bad field. */
  VALIDATION_FAILED: {
    status: 400,
    vi: 'Yêu cầu không hợp lệ, hãy sửa các trường được nêu.',
    en: 'The request is not valid; fix the fields listed.',
  },
  /** The body is not parseable JSON (or not the declared content type). */
  MALFORMED_BODY: {
    status: 400,
    vi: 'Nội dung gửi lên không đọc được (JSON không hợp lệ).',
    en: 'The request body could not be read (invalid JSON).',
  },
  /** No route answers this method and path. */
  ROUTE_NOT_FOUND: {
    status: 404,
    vi: 'Không có địa chỉ {method} {path}.',
    en: 'There is no route {method} {path}.',
  },
  /** The request is refused (a path outside what may be served, or, from issue 3, a missing permission). */
  FORBIDDEN: {
    status: 403,
    vi: 'Không được phép thực hiện yêu cầu này.',
    en: 'This request is not allowed.',
  },
  /** No administrative unit has this code on the requested date (codes are reused across periods). */
  UNIT_NOT_FOUND: {
    status: 404,
    vi: 'Không có đơn vị hành chính mã {code} có hiệu lực ngày {at}.',
    en: 'No administrative unit with code {code} is valid on {at}.',
  },
  /** No agency has this code. */
  AGENCY_NOT_FOUND: {
    status: 404,
    vi: 'Không có cơ quan mã {code}.',
    en: 'There is no agency with code {code}.',
  },
  /** An agency with this code already exists. */
  AGENCY_CODE_TAKEN: {
    status: 409,
    vi: 'Mã cơ quan {code} đã được dùng.',
    en: 'The agency code {code} is already in use.',
  },
  /** The parent agency named for a new agency does not exist. */
  AGENCY_PARENT_NOT_FOUND: {
    status: 400,
    vi: 'Không có cơ quan cấp trên mã {code}.',
    en: 'There is no parent agency with code {code}.',
  },
  /** The body is larger than the route accepts. */
  PAYLOAD_TOO_LARGE: {
    status: 413,
    vi: 'Nội dung gửi lên quá lớn.',
    en: 'The request body is too large.',
  },
  /** The body's content type is not one the route accepts. */
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    vi: 'Kiểu nội dung không được hỗ trợ.',
    en: 'The content type is not supported.',
  },
  /** The database cannot be reached right now; the request changed nothing and can be retried. */
  DATABASE_UNAVAILABLE: {
    status: 503,
    vi: 'Cơ sở dữ liệu tạm thời không truy cập được, hãy thử lại sau ít phút.',
    en: 'The database is temporarily unavailable; try again in a few minutes.',
  },
  /** An unexpected fault; the log line with the same request id has the details. */
  INTERNAL: {
    status: 500,
    vi: 'Lỗi hệ thống. Hãy báo quản trị viên mã yêu cầu {requestId}.',
    en: 'System error. Give the administrator request id {requestId}.',
  },
} as const satisfies Record<string, { status: number; vi: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS;

/**
 * Field-level messages referenced from schemas as `{ error: 'field:<KEY>' }`, so that a custom
 * validation message can still be given in the request's language.
 */
export const FIELD_MESSAGES = {
  UNIT_CODE: {
    vi: 'Mã đơn vị hành chính gồm 2 chữ số (tỉnh), 3 chữ số (huyện cũ) hoặc 5 chữ số (xã).',
    en: 'A unit code has 2 digits (province), 3 digits (former district) or 5 digits (commune).',
  },
  ISO_DATE: {
    vi: 'Ngày phải có dạng YYYY-MM-DD và là ngày có thật.',
    en: 'The date must be YYYY-MM-DD and a real calendar date.',
  },
  AGENCY_CODE: {
    vi: 'Mã cơ quan gồm chữ in hoa, chữ số và dấu gạch dưới (2–32 ký tự), bắt đầu bằng chữ.',
    en: 'An agency code is 2–32 upper-case letters, digits or underscores, starting with a letter.',
  },
  CONTROL_CHARACTERS: {
    vi: 'Nội dung có ký tự điều khiển không hợp lệ.',
    en: 'The text contains invalid control characters.',
  },
  SEARCH_TEXT: {
    vi: 'Nhập từ 1 đến 100 ký tự để tìm.',
    en: 'Type 1 to 100 characters to search.',
  },
} as const satisfies Record<string, { vi: string; en: string }>;

export type FieldMessageKey = keyof typeof FIELD_MESSAGES;

/** Marker used inside zod schemas: `z.string().regex(re, fieldError('UNIT_CODE'))`. */
export function fieldError(key: FieldMessageKey): { error: string } {
  return { error: `field:${key}` };
}

/** Fills `{name}` placeholders. Unknown placeholders are left visible rather than dropped. */
export function formatMessage(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function errorMessage(code: ErrorCode, locale: Locale, params?: Record<string, string | number>): string {
  return formatMessage(ERRORS[code][locale], params);
}
