import { isImportRunning, type PersonImportDto, PersonImportDto as PersonImportSchema } from '@shared/contracts/person-imports';
import { queryOptions } from '@tanstack/react-query';
import { apiDownload, apiGet, apiUpload } from '../../api/client';

/** Lines of the report per table page (the server pages the report too). */
export const REPORT_PAGE_SIZE = 100;
/** How often a running import is asked for its progress. */
const POLL_MS = 1000;

export interface ReportPage {
  errorsFrom: number;
  warningsFrom: number;
}

/**
 * The bulk import of the registry (POST /api/person-imports): the file goes as the raw body, the
 * server decides its type by the content. The answer is a job, polled until it is finished.
 */
export const personImportApi = {
  start: (file: File, options: { dryRun: boolean; confirmDuplicates: boolean }) =>
    apiUpload('/api/person-imports', {
      file,
      query: { dryRun: String(options.dryRun), confirmDuplicates: String(options.confirmDuplicates) },
      schema: PersonImportSchema,
    }),
  template: (format: 'xlsx' | 'csv') =>
    apiDownload(`/api/person-imports/template?format=${format}`, { fallbackName: `mau-nhap-doi-tuong.${format}` }),
};

export const personImportQueries = {
  /**
   * One import, polled every second while it runs. The report names possible duplicates (personal
   * data): never kept once no page shows it.
   */
  job: (id: string, page: ReportPage) =>
    queryOptions({
      queryKey: ['person-imports', id, page],
      queryFn: ({ signal }) =>
        apiGet(`/api/person-imports/${encodeURIComponent(id)}`, {
          query: { ...page, limit: REPORT_PAGE_SIZE },
          schema: PersonImportSchema,
          signal,
        }),
      staleTime: 0,
      gcTime: 60_000,
      // Polls on through a failed poll too: an embedded server is busy while it writes.
      refetchInterval: (query) => (!query.state.data || isImportRunning(query.state.data.status) ? POLL_MS : false),
      refetchIntervalInBackground: true,
    }),
};

/** The share of the current phase done, 0–100. */
export function progressPercent(job: PersonImportDto): number {
  const total = job.status === 'committing' ? job.validRows : job.total;
  return total > 0 ? Math.min(100, Math.round((job.processed / total) * 100)) : 0;
}
