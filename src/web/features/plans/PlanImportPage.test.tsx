import type { PlanImportPreviewDto } from '@shared/contracts/plans';
import type { ParsedPlan } from '@shared/plans';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { on, onWrite, type RecordedRequest, stubApi } from '../../test/fake-api';
import { AGENCIES, signedIn } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';
import { plan } from './plan-test-fixtures';

/** A made-up plan of a made-up province ("Thử Nghiệm"): no real document. */
const TEXT = [
  'ỦY BAN NHÂN DÂN TỈNH THỬ NGHIỆM',
  'Số: 123/KH-UBND',
  'Thử Nghiệm, ngày 15 tháng 5 năm 2026',
  'KẾ HOẠCH',
  'Thực hiện Tháng hành động phòng, chống ma túy năm 2026',
  'Chỉ tiêu: 100% xã, phường tổ chức tuyên truyền.',
  'Công an tỉnh: chủ trì tuyên truyền, kiểm tra.',
  'Báo cáo kết quả về Công an tỉnh trước ngày 05/7/2026.',
].join('\n');

const at = (part: string, field: string) => {
  const start = TEXT.indexOf(part);
  if (start < 0) throw new Error(`not in the text: ${part}`);
  return { field, start, end: start + part.length };
};

const PARSED: ParsedPlan = {
  number: '123/KH-UBND',
  date: '2026-05-15',
  issuer: 'Ủy ban nhân dân tỉnh Thử Nghiệm',
  signer: null,
  title: 'Kế hoạch thực hiện Tháng hành động phòng, chống ma túy năm 2026',
  type: 'action_month',
  period: null,
  theme: null,
  references: [],
  objectives: [{ text: '100% xã, phường tổ chức tuyên truyền.', value: 100, unit: 'percent' }],
  agencies: [{ name: 'Công an tỉnh', tasks: ['Chủ trì tuyên truyền, kiểm tra.'] }],
  deadlines: [{ what: 'Báo cáo kết quả', to: 'Công an tỉnh', by: '2026-07-05' }],
  funding: null,
};

const PREVIEW: PlanImportPreviewDto = {
  fileName: 'ke-hoach.txt',
  mediaType: 'text/plain',
  text: TEXT,
  parsed: PARSED,
  highlights: [
    at('123/KH-UBND', 'number'),
    at('ngày 15 tháng 5 năm 2026', 'date'),
    at('Thực hiện Tháng hành động phòng, chống ma túy năm 2026', 'title'),
    at('100% xã, phường tổ chức tuyên truyền.', 'objectives.0'),
    at('Công an tỉnh', 'agencies.0.name'),
    at('chủ trì tuyên truyền, kiểm tra.', 'agencies.0.tasks.0'),
    at('trước ngày 05/7/2026', 'deadlines.0'),
  ],
};

const FILE_CONTENT = 'Kế hoạch thử';

async function uploadDocument() {
  const input = await screen.findByTestId('plan-import-file');
  fireEvent.change(input, { target: { files: [new File([FILE_CONTENT], 'ke-hoach.txt', { type: 'text/plain' })] } });
  return screen.findByTestId('plan-import-review');
}

const creates = (requests: RecordedRequest[]) => requests.filter((r) => r.method === 'POST' && r.path === '/api/plans');

describe('PlanImportPage', () => {
  it('shows the draft next to the source text with every highlight marked, and emphasises the mark of the field in use', async () => {
    const { requests } = stubApi([
      signedIn(['provincial_officer']),
      on('/api/agencies', { items: AGENCIES }),
      onWrite('POST', '/api/plan-imports', { body: PREVIEW }),
    ]);
    const { container } = renderApp('/plans/import');
    await uploadDocument();

    const upload = requests.find((r) => r.path === '/api/plan-imports');
    expect(upload?.query.get('fileName')).toBe('ke-hoach.txt');
    expect(upload?.headers.get('content-type')).toBe('text/plain');

    const marks = [...container.querySelectorAll<HTMLElement>('mark[data-field]')];
    expect(marks.map((mark) => [mark.dataset.field, mark.textContent])).toEqual([
      ['number', '123/KH-UBND'],
      ['date', 'ngày 15 tháng 5 năm 2026'],
      ['title', 'Thực hiện Tháng hành động phòng, chống ma túy năm 2026'],
      ['objectives.0', '100% xã, phường tổ chức tuyên truyền.'],
      // "Công an tỉnh" occurs first inside the task line; the highlight says where it was read.
      ['agencies.0.name', 'Công an tỉnh'],
      ['agencies.0.tasks.0', 'chủ trì tuyên truyền, kiểm tra.'],
      ['deadlines.0', 'trước ngày 05/7/2026'],
    ]);
    // The whole text is shown, marks included.
    expect(screen.getByTestId('plan-source-text').textContent).toBe(TEXT);

    // The draft built in the browser from what was read.
    expect((screen.getByTestId('plan-field-number') as HTMLInputElement).value).toBe('123/KH-UBND');
    expect((screen.getByTestId('plan-field-title') as HTMLTextAreaElement).value).toBe(PARSED.title);
    expect((screen.getByTestId('plan-field-issuedOn') as HTMLInputElement).value).toBe('15/05/2026');
    // Action Month without a stated period: 1–30 June of the plan's year.
    expect((screen.getByTestId('plan-field-periodFrom') as HTMLInputElement).value).toBe('01/06/2026');
    expect((screen.getByTestId('plan-field-periodTo') as HTMLInputElement).value).toBe('30/06/2026');
    expect((screen.getByTestId('plan-task-0-assigneeName') as HTMLInputElement).value).toBe('Công an tỉnh');
    expect((screen.getByTestId('plan-task-0-content') as HTMLTextAreaElement).value).toBe('Chủ trì tuyên truyền, kiểm tra.');

    const numberMark = container.querySelector('mark[data-field="number"]');
    expect(numberMark?.classList.contains('pcmt-plan-mark-active')).toBe(false);
    fireEvent.focus(screen.getByTestId('plan-field-number'));
    await waitFor(() => expect(numberMark?.classList.contains('pcmt-plan-mark-active')).toBe(true));
    fireEvent.mouseEnter(screen.getByTestId('plan-task-0-assigneeName').closest('fieldset') as HTMLElement);
    await waitFor(() =>
      expect(container.querySelector('mark[data-field="agencies.0.name"]')?.classList.contains('pcmt-plan-mark-active')).toBe(
        true,
      ),
    );
    expect(numberMark?.classList.contains('pcmt-plan-mark-active')).toBe(false);
    // Nothing saved yet.
    expect(creates(requests)).toHaveLength(0);
  });

  it('saves the reviewed draft with the original file, showing server refusals under their fields first', async () => {
    let attempts = 0;
    const { requests } = stubApi([
      signedIn(['provincial_officer']),
      on('/api/agencies', { items: AGENCIES }),
      onWrite('POST', '/api/plan-imports', { body: PREVIEW }),
      onWrite('POST', '/api/plans', () => {
        attempts += 1;
        if (attempts === 1) {
          return {
            status: 400,
            body: {
              code: 'VALIDATION_FAILED',
              message: 'Dữ liệu không hợp lệ.',
              requestId: 'req-test',
              issues: [{ path: ['body', 'tasks', 0, 'content'], message: 'Nội dung nhiệm vụ quá dài.' }],
            },
          };
        }
        return { status: 201, body: plan({ id: 'plan-new', status: 'draft' }) };
      }),
      on('/api/plans/plan-new', plan({ id: 'plan-new', status: 'draft' })),
    ]);
    const { router } = renderApp('/plans/import');
    await uploadDocument();
    fireEvent.change(screen.getByTestId('plan-field-number'), { target: { value: '124/KH-UBND' } });
    fireEvent.click(screen.getByTestId('plan-import-save'));

    expect(await screen.findByText('Nội dung nhiệm vụ quá dài.')).toBeTruthy();
    const [first] = creates(requests);
    const body = first?.body as Record<string, unknown> & { tasks: Record<string, unknown>[]; source: Record<string, string> };
    expect(body.number).toBe('124/KH-UBND');
    expect(body.issuedOn).toBe('2026-05-15');
    expect([body.type, body.periodFrom, body.periodTo]).toEqual(['action_month', '2026-06-01', '2026-06-30']);
    expect(body.objectives).toEqual([
      {
        text: '100% xã, phường tổ chức tuyên truyền.',
        targetValue: 100,
        unit: 'percent',
        comparison: 'gte',
        indicatorCode: null,
      },
    ]);
    expect(body.tasks).toEqual([
      {
        assigneeName: 'Công an tỉnh',
        agencyCode: 'CA_TINH',
        // The province of the officer's unit.
        unitCode: '01',
        content: 'Chủ trì tuyên truyền, kiểm tra.',
        dueOn: null,
        reportDeadlines: ['2026-07-05'],
      },
    ]);
    expect(body.deadlines).toEqual(PARSED.deadlines);
    const bytes = new TextEncoder().encode(FILE_CONTENT);
    expect(body.source).toEqual({ fileName: 'ke-hoach.txt', contentBase64: btoa(String.fromCharCode(...bytes)) });

    fireEvent.change(screen.getByTestId('plan-task-0-content'), { target: { value: 'Chủ trì tuyên truyền.' } });
    fireEvent.click(screen.getByTestId('plan-import-save'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/plans/plan-new'));
    expect(await screen.findByTestId('plan-title')).toBeTruthy();
    const second = creates(requests)[1]?.body as { tasks: { content: string }[] } | undefined;
    expect(second?.tasks[0]?.content).toBe('Chủ trì tuyên truyền.');
  });

  it("shows the server's message when the document cannot be read", async () => {
    stubApi([
      signedIn(['provincial_officer']),
      onWrite('POST', '/api/plan-imports', {
        status: 400,
        body: { code: 'PLAN_DOCUMENT_NO_TEXT', message: 'Tệp không có lớp chữ (bản quét ảnh).', requestId: 'req-test' },
      }),
    ]);
    renderApp('/plans/import');
    const input = await screen.findByTestId('plan-import-file');
    fireEvent.change(input, { target: { files: [new File(['%PDF'], 'scan.pdf', { type: 'application/pdf' })] } });
    expect(await screen.findByText('Tệp không có lớp chữ (bản quét ảnh).')).toBeTruthy();
    expect(screen.queryByTestId('plan-import-review')).toBeNull();
  });
});
