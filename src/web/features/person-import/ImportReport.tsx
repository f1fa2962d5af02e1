import type { PersonImportDto, PersonImportRowIssueDto } from '@shared/contracts/person-imports';
import { Alert, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { REPORT_PAGE_SIZE, type ReportPage } from './person-import-api';

interface ImportReportProps {
  job: PersonImportDto;
  onPage: (page: ReportPage) => void;
}

/**
 * What a check found: every bad row (row, column, what is wrong, as the officer finds them in the
 * spreadsheet) and every row that may duplicate an existing file, with that file's name, birth
 * year and commune. Long reports come from the server a page at a time.
 */
export function ImportReport({ job, onPage }: ImportReportProps) {
  const { t } = useTranslation();
  const candidates = (issue: PersonImportRowIssueDto) =>
    issue.candidates
      .map((c) => t('personImport.report.candidate', { name: c.fullName, year: c.birthYear, unit: c.managingUnit.fullName }))
      .join('; ');
  return (
    <section className="pcmt-import-report" data-testid="import-report">
      <Typography.Paragraph data-testid="import-summary">
        {t('personImport.report.summary', {
          total: job.total,
          valid: job.validRows,
          errors: job.errorRows,
          warnings: job.warningRows,
        })}
      </Typography.Paragraph>
      {job.errorCount > 0 ? (
        <>
          <Alert type="error" showIcon title={t('personImport.report.errorsTitle', { count: job.errorRows })} />
          <Table<PersonImportRowIssueDto>
            data-testid="import-errors"
            size="small"
            rowKey={(issue) => `${issue.row}-${issue.field}`}
            dataSource={job.errors}
            pagination={{
              current: Math.floor(job.errorsFrom / REPORT_PAGE_SIZE) + 1,
              pageSize: REPORT_PAGE_SIZE,
              total: job.errorCount,
              showSizeChanger: false,
              onChange: (page) => onPage({ errorsFrom: (page - 1) * REPORT_PAGE_SIZE, warningsFrom: job.warningsFrom }),
            }}
            columns={[
              { title: t('personImport.report.row'), dataIndex: 'row', width: 80 },
              { title: t('personImport.report.column'), dataIndex: 'column', width: 220 },
              {
                title: t('personImport.report.message'),
                render: (_, issue) => (issue.candidates.length > 0 ? `${issue.message} (${candidates(issue)})` : issue.message),
              },
            ]}
          />
        </>
      ) : null}
      {job.warningCount > 0 ? (
        <>
          <Alert
            type="warning"
            showIcon
            title={t('personImport.report.warningsTitle', { count: job.warningRows })}
            description={t('personImport.report.warningsLead')}
          />
          <Table<PersonImportRowIssueDto>
            data-testid="import-warnings"
            size="small"
            rowKey={(issue) => `${issue.row}-${issue.field}`}
            dataSource={job.warnings}
            pagination={{
              current: Math.floor(job.warningsFrom / REPORT_PAGE_SIZE) + 1,
              pageSize: REPORT_PAGE_SIZE,
              total: job.warningCount,
              showSizeChanger: false,
              onChange: (page) => onPage({ errorsFrom: job.errorsFrom, warningsFrom: (page - 1) * REPORT_PAGE_SIZE }),
            }}
            columns={[
              { title: t('personImport.report.row'), dataIndex: 'row', width: 80 },
              { title: t('personImport.report.candidates'), render: (_, issue) => candidates(issue) },
            ]}
          />
        </>
      ) : null}
    </section>
  );
}
