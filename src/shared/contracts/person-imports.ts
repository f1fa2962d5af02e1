import { z } from 'zod';
import { DuplicateCandidateDto } from './persons';

/**
 * Bulk import of the person registry from an xlsx or CSV file (columns in
 * src/shared/person-import/columns.ts). The file is the raw request body; the import runs as a job
 * whose progress and report are read back. A dry run only checks; a commit checks again and then
 * writes every row in one transaction, or nothing.
 */

/** The spreadsheet types accepted, recognised by their content (an xlsx file is a zip). */
export const PersonImportFileType = z.enum(['xlsx', 'csv']);
export type PersonImportFileType = z.infer<typeof PersonImportFileType>;

/** Media types the upload may declare; the server still decides by the content. */
export const PERSON_IMPORT_MEDIA_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
} as const;

/** `POST /api/person-imports?dryRun=&confirmDuplicates=`: the file is the body. */
export const PersonImportQuery = z.strictObject({
  /** Check only (default). `false` commits when no row is bad. */
  dryRun: z.enum(['true', 'false']).default('true'),
  /** The officer has seen the possible duplicates and imports those rows as new persons. */
  confirmDuplicates: z.enum(['true', 'false']).default('false'),
});
export type PersonImportQuery = z.infer<typeof PersonImportQuery>;

/** `GET /api/person-imports/:id`: the report comes in pages (a bad file can have a line per row). */
export const PersonImportReportQuery = z.strictObject({
  /** Skip this many errors (0-based). */
  errorsFrom: z.coerce.number().int().min(0).default(0),
  warningsFrom: z.coerce.number().int().min(0).default(0),
  /** At most this many errors and this many warnings. */
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export type PersonImportReportQuery = z.infer<typeof PersonImportReportQuery>;

export const PersonImportTemplateQuery = z.strictObject({ format: PersonImportFileType.default('xlsx') });

/** One problem of one row. Messages never quote the cell (no ID number or phone in a report). */
export const PersonImportRowIssueDto = z.object({
  /** Row number as the spreadsheet shows it (the header is row 1). */
  row: z.number().int().min(2),
  /** The column key (src/shared/person-import/columns.ts). */
  field: z.string(),
  /** The column's Vietnamese header, as in the template. */
  column: z.string(),
  /** What is wrong, in the request's language. */
  message: z.string(),
  /** Existing files this row may duplicate (name, birth year, managing commune). */
  candidates: z.array(DuplicateCandidateDto),
});
export type PersonImportRowIssueDto = z.infer<typeof PersonImportRowIssueDto>;

export const PersonImportStatus = z.enum(['validating', 'committing', 'done', 'failed']);
export type PersonImportStatus = z.infer<typeof PersonImportStatus>;

export const PersonImportDto = z.object({
  id: z.string(),
  fileType: PersonImportFileType,
  dryRun: z.boolean(),
  confirmDuplicates: z.boolean(),
  /** validating → (committing →) done; failed when a commit was refused or broke off. */
  status: PersonImportStatus,
  /** Data rows in the file (blank rows not counted). */
  total: z.number().int(),
  /** Rows checked (validating) or written (committing) so far. */
  processed: z.number().int(),
  /** Rows without any error. */
  validRows: z.number().int(),
  errorRows: z.number().int(),
  /** Rows that may duplicate an existing file (need `confirmDuplicates` to commit). */
  warningRows: z.number().int(),
  /** Persons registered by this import (0 for a dry run and for a refused commit). */
  created: z.number().int(),
  /** The bad rows' problems (one per bad cell), in row order; filled once the job is finished. */
  errors: z.array(PersonImportRowIssueDto),
  /** How many problems in all: `errors` is the page asked for. */
  errorCount: z.number().int(),
  errorsFrom: z.number().int(),
  /** Rows that may duplicate an existing file, with the candidates. */
  warnings: z.array(PersonImportRowIssueDto),
  warningCount: z.number().int(),
  warningsFrom: z.number().int(),
  /** Why a commit wrote nothing (status failed). */
  failure: z.object({ code: z.string(), message: z.string() }).nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type PersonImportDto = z.infer<typeof PersonImportDto>;

/** True while the job is still working (the client keeps polling). */
export function isImportRunning(status: PersonImportStatus): boolean {
  return status === 'validating' || status === 'committing';
}
