import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { isImportRunning, type PersonImportDto } from '@shared/contracts/person-imports';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Alert, Button, Checkbox, Flex, Progress, Result, Spin, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { displayFileSize } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { ImportReport } from './ImportReport';
import { personImportApi, personImportQueries, progressPercent, type ReportPage } from './person-import-api';

const FIRST_PAGE: ReportPage = { errorsFrom: 0, warningsFrom: 0 };

/** The progress of a running job: which phase, rows done of rows to do. */
function JobProgress({ job }: { job: PersonImportDto }) {
  const { t } = useTranslation();
  const committing = job.status === 'committing';
  const total = committing ? job.validRows : job.total;
  return (
    <div data-testid="import-progress">
      <Typography.Text>
        {t(committing ? 'personImport.progress.committing' : 'personImport.progress.validating', {
          processed: job.processed,
          total,
        })}
      </Typography.Text>
      <Progress percent={progressPercent(job)} status="active" />
    </div>
  );
}

/**
 * /persons/import: registers many persons from a filled-in template. First a check of the whole
 * file (nothing written), with every bad row and every possible duplicate; then, when no row is bad
 * and the duplicates are confirmed, the import of all rows at once, or of none.
 */
export function PersonImportPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [checkId, setCheckId] = useState<string | null>(null);
  const [commitId, setCommitId] = useState<string | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [page, setPage] = useState<ReportPage>(FIRST_PAGE);
  const template = useMutation({ mutationFn: personImportApi.template });
  const start = useMutation({
    mutationFn: (options: { dryRun: boolean; confirmDuplicates: boolean }) => {
      if (!file) throw new Error('no file');
      return personImportApi.start(file, options);
    },
    onSuccess: (job) => {
      setPage(FIRST_PAGE);
      if (job.dryRun) {
        setCheckId(job.id);
        setCommitId(null);
        setConfirmed(false);
      } else setCommitId(job.id);
    },
  });
  const activeId = commitId ?? checkId;
  const job = useQuery({ ...personImportQueries.job(activeId ?? '', page), enabled: activeId !== null });
  const current = job.data && job.data.id === activeId ? job.data : null;
  const running = current !== null && isImportRunning(current.status);
  const checked = checkId !== null && commitId === null && current !== null && !running;
  const committed = commitId !== null && current?.status === 'done';
  const canCommit = checked && current.errorRows === 0 && current.validRows > 0;

  const choose = (chosen: File) => {
    setFile(chosen);
    setCheckId(null);
    setCommitId(null);
    setConfirmed(false);
    start.reset();
    return false;
  };

  // The list shows the new persons when the officer goes back to it.
  useEffect(() => {
    if (committed) void queryClient.invalidateQueries({ queryKey: ['persons', 'search'] });
  }, [committed, queryClient]);

  return (
    <>
      <PageHeader title={t('personImport.title')} lead={t('personImport.lead')} />
      <Flex gap={12} wrap className="pcmt-toolbar">
        <Typography.Text>{t('personImport.template.lead')}</Typography.Text>
        <Button icon={<DownloadOutlined />} onClick={() => template.mutate('xlsx')} data-testid="import-template-xlsx">
          {t('personImport.template.xlsx')}
        </Button>
        <Button icon={<DownloadOutlined />} onClick={() => template.mutate('csv')} data-testid="import-template-csv">
          {t('personImport.template.csv')}
        </Button>
      </Flex>
      {template.error ? <ApiErrorAlert error={template.error} /> : null}

      <Flex gap={12} align="center" wrap className="pcmt-toolbar">
        <Upload accept=".xlsx,.csv" showUploadList={false} beforeUpload={choose} disabled={start.isPending || running}>
          <Button icon={<UploadOutlined />} data-testid="import-choose">
            {t('personImport.file.choose')}
          </Button>
        </Upload>
        {file ? (
          <Typography.Text data-testid="import-file">
            {t('personImport.file.chosen', { name: file.name, size: displayFileSize(file.size) })}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">{t('personImport.file.none')}</Typography.Text>
        )}
        <Button
          type="primary"
          disabled={!file || running || committed}
          loading={start.isPending && start.variables?.dryRun === true}
          onClick={() => start.mutate({ dryRun: true, confirmDuplicates: false })}
          data-testid="import-check"
        >
          {t('personImport.check')}
        </Button>
      </Flex>

      {start.isPending ? <Spin tip={t('personImport.progress.uploading')}>{<div className="pcmt-import-spin" />}</Spin> : null}
      {start.error ? <ApiErrorAlert error={start.error} /> : null}
      {job.error && !current ? <ApiErrorAlert error={job.error} onRetry={() => void job.refetch()} /> : null}
      {running && current ? <JobProgress job={current} /> : null}

      {committed && current ? (
        <Result
          status="success"
          title={t('personImport.done', { count: current.created })}
          extra={
            <Link to="/persons" data-testid="import-to-list">
              {t('personImport.toList')}
            </Link>
          }
        />
      ) : null}
      {current?.failure ? <Alert type="error" showIcon title={current.failure.message} data-testid="import-failure" /> : null}
      {current && !running && !committed ? <ImportReport job={current} onPage={setPage} /> : null}

      {checked && current.errorRows > 0 ? <Alert type="info" showIcon title={t('personImport.fixAndRetry')} /> : null}
      {canCommit ? (
        <Flex vertical gap={12} className="pcmt-import-commit">
          {current.warningRows > 0 ? (
            <Checkbox checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} data-testid="import-confirm">
              {t('personImport.confirmDuplicates', { count: current.warningRows })}
            </Checkbox>
          ) : null}
          <div>
            <Button
              type="primary"
              disabled={current.warningRows > 0 && !confirmed}
              loading={start.isPending}
              onClick={() => start.mutate({ dryRun: false, confirmDuplicates: confirmed })}
              data-testid="import-commit"
            >
              {t('personImport.commit', { count: current.validRows })}
            </Button>
          </div>
        </Flex>
      ) : null}
    </>
  );
}
