import { ERRORS, type ErrorCode } from '@shared/errors';

/**
 * The one error type services throw. `params` fill the message placeholders of the error table in
 * src/shared/errors.ts; the HTTP status comes from that table, so a code always means one status.
 */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly issues?: { path: (string | number)[]; message: string }[],
    /** Set when the refusal must be audited (SECURITY-RELIABILITY.md S5: failed authentication). */
    readonly auditAs?: string,
    /** Further fields of the answer body (the duplicate candidates, the current values of a conflict). */
    readonly extra?: Record<string, unknown>,
  ) {
    super(code);
    this.name = 'AppError';
    this.status = ERRORS[code].status;
  }
}
