import type { PersonProceduresResponse, ProcedureDto, ProcedureStepDto } from '@shared/contracts/procedures';
import { todayInVietnam } from '@shared/dates';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, on, onWrite, type RecordedRequest, stubApi } from '../../test/fake-api';
import { communeOfficer, PERSON } from '../../test/person-fixtures';
import { renderApp } from '../../test/render-app';

/** Fake procedures of the fake person; numbers and names are test data. */
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

let nextStep = 100;

function step(
  overrides: Partial<ProcedureStepDto> & Pick<ProcedureStepDto, 'action' | 'toState' | 'decidedOn'>,
): ProcedureStepDto {
  return {
    id: id(nextStep++),
    seq: 1,
    fromState: 'new',
    decisionNo: null,
    decider: null,
    unitName: null,
    ruleSetId: 'law73-2025-07',
    data: {},
    unconfirmedRules: [],
    attachmentIds: [],
    bySystem: false,
    recordedAt: `${overrides.decidedOn}T02:00:00.000Z`,
    recordedBy: 'xa.badinh',
    ...overrides,
  };
}

function procedure(overrides: Partial<ProcedureDto> & Pick<ProcedureDto, 'id' | 'kind' | 'state' | 'openedOn'>): ProcedureDto {
  return {
    personId: PERSON.id,
    active: true,
    facility: null,
    lastOn: overrides.openedOn,
    ruleSetId: 'law73-2025-07',
    data: {},
    parentId: null,
    version: 1,
    steps: [],
    deadlines: [],
    allowedActions: [],
    forms: [],
    ...overrides,
  };
}

const TEST = procedure({
  id: id(1),
  kind: 'drug_test',
  state: 'positive',
  active: false,
  openedOn: '2026-03-01',
  data: { result: 'positive', testedOn: '2026-03-01' },
  steps: [step({ action: 'record', toState: 'positive', decidedOn: '2026-03-01', unitName: 'Công an phường Ba Đình' })],
});

const MANAGEMENT = procedure({
  id: id(2),
  kind: 'illegal_user_management',
  state: 'active',
  openedOn: '2026-03-02',
  lastOn: '2026-03-04',
  version: 2,
  data: { startDate: '2026-03-04', endDate: '2027-03-04' },
  steps: [
    step({ action: 'propose', toState: 'proposed', decidedOn: '2026-03-02', bySystem: true, recordedBy: null }),
    step({
      seq: 2,
      action: 'decide',
      fromState: 'proposed',
      toState: 'active',
      decidedOn: '2026-03-04',
      decisionNo: '12/QĐ-UBND',
      decider: 'Chủ tịch UBND phường',
      unitName: 'UBND phường Ba Đình',
    }),
  ],
  deadlines: [
    {
      id: id(21),
      timer: 'illegal_user.decision_deadline',
      ruleKey: 'illegal_user.decision_deadline',
      ruleSetId: 'law73-2025-07',
      confirmed: true,
      term: false,
      startsOn: '2026-03-02',
      dueOn: '2026-03-05',
      status: 'met',
      closedOn: '2026-03-04',
      overdue: false,
      dueSoon: false,
    },
    {
      id: id(22),
      timer: 'illegal_user.management_end',
      ruleKey: 'illegal_user.management_duration',
      ruleSetId: 'law73-2025-07',
      confirmed: true,
      term: true,
      startsOn: '2026-03-04',
      dueOn: '2027-03-04',
      status: 'open',
      closedOn: null,
      overdue: false,
      dueSoon: false,
    },
  ],
  allowedActions: ['stop', 'expire'],
  forms: ['management-decision'],
});

const DETERMINATION = procedure({
  id: id(3),
  kind: 'determination',
  state: 'requested',
  openedOn: '2026-03-05',
  data: { trigger: 'a', requestedOn: '2026-03-05' },
  steps: [
    step({
      action: 'request',
      toState: 'requested',
      decidedOn: '2026-03-05',
      unconfirmedRules: ['determination.time_limit'],
    }),
  ],
  deadlines: [
    {
      id: id(31),
      timer: 'compulsory.dossier_deadline',
      ruleKey: 'compulsory.dossier_deadline',
      ruleSetId: 'law73-2025-07',
      confirmed: true,
      term: false,
      startsOn: '2026-03-05',
      dueOn: '2026-03-12',
      status: 'open',
      closedOn: null,
      overdue: true,
      dueSoon: false,
    },
  ],
});

const EDUCATION = procedure({
  id: id(4),
  kind: 'education_at_commune',
  state: 'proposed',
  openedOn: '2026-03-10',
  version: 1,
  data: { violationDates: ['2026-01-05', '2026-02-10', '2026-03-08'] },
  steps: [step({ action: 'propose', toState: 'proposed', decidedOn: '2026-03-10' })],
  allowedActions: ['decide', 'cancel'],
});

const LIST: PersonProceduresResponse = {
  personId: PERSON.id,
  classification: 'ILLEGAL_USER_UNDER_MANAGEMENT',
  items: [TEST, MANAGEMENT, DETERMINATION, EDUCATION],
  openable: [
    { kind: 'drug_test', action: 'record' },
    { kind: 'voluntary_rehab', action: 'register' },
  ],
};

const listPath = `/api/persons/${PERSON.id}/procedures`;
/** The first visit loads the person page, then the tab's code (the state machines, the rule sets). */
const FIRST_LOAD = { timeout: 15_000 };
const gets = (requests: RecordedRequest[]) => requests.filter((r) => r.method === 'GET' && r.path === listPath).length;

async function chooseOption(container: HTMLElement, optionText: string) {
  fireEvent.mouseDown(within(container).getByRole('combobox'));
  const option = await waitFor(() => {
    const found = [...document.querySelectorAll<HTMLElement>('.ant-select-item-option')].find(
      (item) => item.textContent === optionText,
    );
    if (!found) throw new Error(`No option "${optionText}"`);
    return found;
  });
  fireEvent.click(option);
}

describe('ProceduresTab', () => {
  it('shows the classification and each procedure, newest first, with its steps, dates and deadlines', async () => {
    stubApi([communeOfficer(), on(`/api/persons/${PERSON.id}`, PERSON), on(listPath, LIST)]);
    renderApp(`/persons/${PERSON.id}?tab=procedures`);

    expect((await screen.findByTestId('classification-tag', {}, FIRST_LOAD)).textContent).toBe(
      'Người sử dụng trái phép đang bị quản lý',
    );
    const cards = screen.getAllByTestId(/^procedure-card-/);
    expect(cards.map((card) => card.dataset.testid)).toEqual([
      'procedure-card-education_at_commune',
      'procedure-card-determination',
      'procedure-card-illegal_user_management',
      'procedure-card-drug_test',
    ]);

    const management = within(screen.getByTestId('procedure-card-illegal_user_management'));
    expect(management.getByTestId('procedure-state').textContent).toBe('Đang quản lý');
    expect(management.getByTestId('procedure-end-date').textContent).toBe('04/03/2027');
    expect(management.getByTestId('deadline-illegal_user.management_end').textContent).toBe('Hết thời hạn quản lý: 04/03/2027');
    expect(management.getByTestId('deadline-illegal_user.decision_deadline').textContent).toBe(
      'Hạn quyết định quản lý: 05/03/2026 · Đã thực hiện ngày 04/03/2026',
    );
    const steps = management.getAllByTestId('procedure-step');
    expect(steps.map((s) => s.textContent)).toEqual([
      'Đề nghị quyết định quản lý→ Chờ quyết định quản lýhệ thống',
      'Quyết định quản lý (Chủ tịch UBND xã)→ Đang quản lýSố 12/QĐ-UBND · Chủ tịch UBND phường · UBND phường Ba Đình',
    ]);
    // Only the steps the server allows are offered.
    expect(management.getByTestId('action-stop').textContent).toBe('Quyết định dừng quản lý');
    expect(management.getByTestId('action-expire')).toBeTruthy();
    expect(management.queryByTestId('action-cancel')).toBeNull();
    expect(management.getByTestId('procedure-form-management-decision').textContent).toBe('Dự thảo quyết định quản lý');

    const determination = within(screen.getByTestId('procedure-card-determination'));
    expect(determination.getByTestId('deadline-compulsory.dossier_deadline').textContent).toBe(
      'Hạn lập hồ sơ: 12/03/2026 · Quá hạn',
    );
    expect(determination.getByTestId('unconfirmed').textContent).toBe('chưa xác nhận');
    fireEvent.mouseEnter(determination.getByTestId('unconfirmed'));
    expect(await screen.findByText(/Thời hạn xác định tình trạng nghiện/)).toBeTruthy();
    expect(determination.queryAllByRole('button')).toHaveLength(0);

    const test = within(screen.getByTestId('procedure-card-drug_test'));
    expect(test.getByTestId('procedure-state').textContent).toBe('Dương tính');
    expect(test.getByText('Ngày xét nghiệm')).toBeTruthy();
    expect(test.getByText('01/03/2026', { selector: '.ant-descriptions-item-content' })).toBeTruthy();
  });

  it('takes a step: the law’s refusal goes under its field, the rest above, and the tab refreshes', async () => {
    let attempts = 0;
    const { requests } = stubApi([
      communeOfficer(),
      on(`/api/persons/${PERSON.id}`, PERSON),
      on(listPath, LIST),
      onWrite('POST', `/api/procedures/${EDUCATION.id}/steps`, () => {
        attempts += 1;
        if (attempts === 1)
          return {
            status: 400,
            body: {
              code: 'VALIDATION_FAILED',
              message: 'Dữ liệu không hợp lệ.',
              requestId: 'req-test',
              issues: [
                { path: ['body', 'data', 'months'], message: 'Thời hạn phải từ 3 đến 6 tháng (Điều thử nghiệm).' },
                { path: ['body', 'action'], message: 'Một lỗi của cả bước (thử nghiệm).' },
              ],
            },
          };
        return {
          body: {
            procedure: { ...EDUCATION, state: 'decided', version: 2, allowedActions: ['assign_helper'] },
            opened: [],
            classification: 'COMMUNE_EDUCATION_MEASURE',
          },
        };
      }),
    ]);
    renderApp(`/persons/${PERSON.id}?tab=procedures`);

    fireEvent.click(
      within(await screen.findByTestId('procedure-card-education_at_commune', {}, FIRST_LOAD)).getByTestId('action-decide'),
    );
    const dialog = within(await screen.findByRole('dialog'));
    expect(dialog.getByText('Giáo dục tại xã, phường, thị trấn: Quyết định áp dụng')).toBeTruthy();

    // A decision needs its number before anything is sent.
    fireEvent.click(dialog.getByTestId('step-form-submit'));
    expect(await dialog.findByText('Bước này là một quyết định: nhập số quyết định hoặc số biên bản.')).toBeTruthy();
    expect(requests.some((r) => r.method === 'POST')).toBe(false);

    fireEvent.change(within(dialog.getByTestId('field-decisionNo')).getByRole('textbox'), { target: { value: ' 05/QĐ-UBND ' } });
    fireEvent.change(within(dialog.getByTestId('field-months')).getByRole('spinbutton'), { target: { value: '8' } });
    fireEvent.click(dialog.getByTestId('step-form-submit'));

    expect(
      await within(dialog.getByTestId('field-months')).findByText('Thời hạn phải từ 3 đến 6 tháng (Điều thử nghiệm).'),
    ).toBeTruthy();
    expect(within(dialog.getByTestId('step-form-errors')).getByText('Một lỗi của cả bước (thử nghiệm).')).toBeTruthy();
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
      action: 'decide',
      decidedOn: todayInVietnam(),
      decisionNo: '05/QĐ-UBND',
      data: { months: 8 },
      attachmentIds: [],
      version: 1,
    });

    const before = gets(requests);
    fireEvent.change(within(dialog.getByTestId('field-months')).getByRole('spinbutton'), { target: { value: '4' } });
    fireEvent.click(dialog.getByTestId('step-form-submit'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(requests.filter((r) => r.method === 'POST').at(-1)?.body).toMatchObject({ data: { months: 4 } });
    await waitFor(() => expect(gets(requests)).toBeGreaterThan(before));
  });

  it('after a version conflict, sends the step again against the version the refreshed tab shows', async () => {
    let conflicted = false;
    const moved = { ...EDUCATION, version: 2 };
    const { requests } = stubApi([
      communeOfficer(),
      on(`/api/persons/${PERSON.id}`, PERSON),
      (request) =>
        request.method === 'GET' && request.path === listPath
          ? { status: 200, body: { ...LIST, items: [TEST, MANAGEMENT, DETERMINATION, conflicted ? moved : EDUCATION] } }
          : undefined,
      onWrite('POST', `/api/procedures/${EDUCATION.id}/steps`, (request) => {
        if ((request.body as { version: number }).version === 1) {
          conflicted = true;
          return apiError('VERSION_CONFLICT', 'Hồ sơ vừa được người khác cập nhật.', 409);
        }
        return {
          body: {
            procedure: { ...moved, state: 'decided', version: 3, allowedActions: [] },
            opened: [],
            classification: 'COMMUNE_EDUCATION_MEASURE',
          },
        };
      }),
    ]);
    renderApp(`/persons/${PERSON.id}?tab=procedures`);

    fireEvent.click(
      within(await screen.findByTestId('procedure-card-education_at_commune', {}, FIRST_LOAD)).getByTestId('action-decide'),
    );
    const dialog = within(await screen.findByRole('dialog'));
    fireEvent.change(within(dialog.getByTestId('field-decisionNo')).getByRole('textbox'), { target: { value: '06/QĐ-UBND' } });
    fireEvent.change(within(dialog.getByTestId('field-months')).getByRole('spinbutton'), { target: { value: '4' } });
    fireEvent.click(dialog.getByTestId('step-form-submit'));
    expect(await dialog.findByText('Hồ sơ vừa được người khác cập nhật.')).toBeTruthy();

    // The tab refetched the list; the second try carries version 2 and is saved.
    await waitFor(() => expect(gets(requests)).toBeGreaterThan(1));
    fireEvent.click(dialog.getByTestId('step-form-submit'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(requests.filter((r) => r.method === 'POST').map((r) => (r.body as { version: number }).version)).toEqual([1, 2]);
  });

  it('opens a procedure picked from those the officer may open, with the opening action’s fields', async () => {
    const { requests } = stubApi([
      communeOfficer(),
      on(`/api/persons/${PERSON.id}`, PERSON),
      on(listPath, LIST),
      onWrite('POST', listPath, (request) => ({
        status: 201,
        body: {
          procedure: procedure({
            id: id(9),
            kind: 'voluntary_rehab',
            state: 'registered',
            openedOn: (request.body as { decidedOn: string }).decidedOn,
          }),
          opened: [],
          classification: 'ILLEGAL_USER_UNDER_MANAGEMENT',
        },
      })),
    ]);
    renderApp(`/persons/${PERSON.id}?tab=procedures`);

    fireEvent.click(await screen.findByTestId('open-procedure', {}, FIRST_LOAD));
    const dialog = within(await screen.findByRole('dialog'));
    expect(dialog.queryByTestId('field-decidedOn')).toBeNull();
    await chooseOption(dialog.getByTestId('field-procedure'), 'Cai nghiện ma túy tự nguyện (Đăng ký cai nghiện tự nguyện)');

    expect(await dialog.findByTestId('field-setting')).toBeTruthy();
    fireEvent.click(dialog.getByTestId('step-form-submit'));
    expect(await within(dialog.getByTestId('field-setting')).findByText('Vui lòng nhập thông tin này.')).toBeTruthy();

    await chooseOption(dialog.getByTestId('field-setting'), 'Tại gia đình, cộng đồng');
    fireEvent.click(dialog.getByTestId('step-form-submit'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
      kind: 'voluntary_rehab',
      action: 'register',
      decidedOn: todayInVietnam(),
      data: { setting: 'home_community' },
      attachmentIds: [],
    });
  });
});
