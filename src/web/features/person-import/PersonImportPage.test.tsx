import type { PersonImportDto } from '@shared/contracts/person-imports';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { on, onWrite, type RecordedRequest, stubApi } from '../../test/fake-api';
import { communeOfficer } from '../../test/person-fixtures';
import { renderApp } from '../../test/render-app';

/** A finished job as the server reports it; the names are fake. */
function job(overrides: Partial<PersonImportDto>): PersonImportDto {
  return {
    id: 'job-check',
    fileType: 'csv',
    dryRun: true,
    confirmDuplicates: false,
    status: 'done',
    total: 4,
    processed: 4,
    validRows: 2,
    errorRows: 2,
    warningRows: 0,
    created: 0,
    errors: [],
    errorCount: 0,
    errorsFrom: 0,
    warnings: [],
    warningCount: 0,
    warningsFrom: 0,
    failure: null,
    startedAt: '2026-06-15T03:00:00.000Z',
    finishedAt: '2026-06-15T03:00:01.000Z',
    ...overrides,
  };
}

const CANDIDATE = {
  id: '33333333-3333-4333-8333-333333333333',
  fullName: 'Trần Văn Đã Có',
  birthYear: 1989,
  managingUnit: { code: '00004', fullName: 'Phường Ba Đình' },
};

const uploads = (requests: RecordedRequest[]) => requests.filter((r) => r.method === 'POST' && r.path === '/api/person-imports');

async function chooseAndCheck(name = 'danh-sach.csv') {
  const input = (await screen.findByTestId('import-choose')).closest('span')?.querySelector('input[type="file"]');
  if (!input) throw new Error('no file input');
  fireEvent.change(input, { target: { files: [new File(['Họ tên\nNguyễn Văn Thử'], name, { type: 'text/csv' })] } });
  expect(await screen.findByText(`Tệp đã chọn: ${name} (1 KB)`)).toBeTruthy();
  fireEvent.click(screen.getByTestId('import-check'));
}

describe('PersonImportPage', () => {
  it('checks the file and lists every bad row by row, column and message, offering no import', async () => {
    const { requests } = stubApi([
      communeOfficer(),
      onWrite('POST', '/api/person-imports', { status: 202, body: job({ status: 'validating', processed: 0, errorRows: 0 }) }),
      on(
        '/api/person-imports/job-check',
        job({
          errorCount: 2,
          errors: [
            {
              row: 3,
              field: 'sex',
              column: 'Giới tính',
              message: 'Giới tính ghi Nam hoặc Nữ.',
              candidates: [],
            },
            {
              row: 5,
              field: 'personalId',
              column: 'Số định danh cá nhân',
              message: 'Đã có hồ sơ mang số này trong hệ thống.',
              candidates: [{ ...CANDIDATE, reason: 'same_id_number' }],
            },
          ],
        }),
      ),
    ]);
    renderApp('/persons/import');
    await chooseAndCheck();

    const table = await screen.findByTestId('import-errors');
    expect(screen.getByTestId('import-summary').textContent).toBe(
      'Tệp có 4 dòng: 2 dòng hợp lệ, 2 dòng lỗi, 0 dòng có thể trùng hồ sơ đã có.',
    );
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((cell) => cell.textContent);
    expect(headers).toEqual(['Dòng', 'Cột', 'Lỗi']);
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      );
    expect(rows).toEqual([
      ['3', 'Giới tính', 'Giới tính ghi Nam hoặc Nữ.'],
      ['5', 'Số định danh cá nhân', 'Đã có hồ sơ mang số này trong hệ thống. (Trần Văn Đã Có, sinh năm 1989, Phường Ba Đình)'],
    ]);
    expect(screen.queryByTestId('import-commit')).toBeNull();
    expect(screen.getByText('Chưa nhập dòng nào. Hãy sửa các dòng lỗi trong tệp, chọn lại tệp và kiểm tra lại.')).toBeTruthy();
    // The file went as the raw body of a dry run, with the session's anti-forgery token.
    const [upload] = uploads(requests);
    expect(upload?.query.get('dryRun')).toBe('true');
    expect(upload?.headers.get('content-type')).toBe('text/csv');
    expect(upload?.headers.get('x-csrf-token')).toBe('csrf-active');
  });

  it('asks for confirmation of possible duplicates, then imports and links to the list', async () => {
    const { requests } = stubApi([
      communeOfficer(),
      onWrite('POST', '/api/person-imports', (request) =>
        request.query.get('dryRun') === 'true'
          ? { status: 202, body: job({ status: 'validating' }) }
          : { status: 202, body: job({ id: 'job-commit', dryRun: false, confirmDuplicates: true, status: 'committing' }) },
      ),
      on(
        '/api/person-imports/job-check',
        job({
          errorRows: 0,
          validRows: 4,
          warningRows: 1,
          warningCount: 1,
          warnings: [
            {
              row: 2,
              field: 'fullName',
              column: 'Họ tên',
              message: 'Có thể trùng với hồ sơ đã có (họ tên gần giống, cùng năm sinh, cùng tỉnh).',
              candidates: [{ ...CANDIDATE, reason: 'similar_name' }],
            },
          ],
        }),
      ),
      on('/api/person-imports/job-commit', job({ id: 'job-commit', dryRun: false, errorRows: 0, validRows: 4, created: 4 })),
    ]);
    renderApp('/persons/import');
    await chooseAndCheck();

    const warnings = await screen.findByTestId('import-warnings');
    expect(within(warnings).getByText('Trần Văn Đã Có, sinh năm 1989, Phường Ba Đình')).toBeTruthy();
    const commit = screen.getByTestId('import-commit');
    expect(commit.textContent).toBe('Nhập 4 đối tượng');
    expect((commit as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId('import-confirm'));
    await waitFor(() => expect((screen.getByTestId('import-commit') as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByTestId('import-commit'));

    expect(await screen.findByText('Đã nhập 4 đối tượng và mở hồ sơ quản lý.')).toBeTruthy();
    expect(screen.getByTestId('import-to-list').getAttribute('href')).toBe('/persons');
    const commitUpload = uploads(requests).at(-1);
    expect([commitUpload?.query.get('dryRun'), commitUpload?.query.get('confirmDuplicates')]).toEqual(['false', 'true']);
  });

  it('is reached from the registry list', async () => {
    stubApi([communeOfficer(), onWrite('POST', '/api/persons/search', { body: { items: [], next: null } })]);
    const { router } = renderApp('/persons');
    fireEvent.click(await screen.findByTestId('person-import'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/persons/import'));
    expect(await screen.findByText('Nhập đối tượng từ tệp')).toBeTruthy();
  });
});
