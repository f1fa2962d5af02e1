import type { PersonSearchBody } from '@shared/contracts/persons';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { onWrite, type RecordedRequest, stubApi } from '../../test/fake-api';
import { signedIn } from '../../test/fixtures';
import { communeOfficer, MINOR, PERSON, summary } from '../../test/person-fixtures';
import { renderApp } from '../../test/render-app';

const searches = (requests: RecordedRequest[]) => requests.filter((request) => request.path === '/api/persons/search');
const bodyOf = (request: RecordedRequest | undefined) => request?.body as PersonSearchBody | undefined;

describe('PersonsPage', () => {
  it('searches with the name in the request body, never in a URL, and lists the rows', async () => {
    const { requests } = stubApi([
      communeOfficer(),
      onWrite('POST', '/api/persons/search', (request) =>
        bodyOf(request)?.q === 'nguyen van thu'
          ? { body: { items: [summary(PERSON), summary(MINOR, 'fuzzy')], next: null } }
          : { body: { items: [], next: null } },
      ),
    ]);
    const { router } = renderApp('/persons');

    expect(await screen.findByText('Chưa có đối tượng nào trong phạm vi của bạn.')).toBeTruthy();
    fireEvent.change(screen.getByTestId('person-search'), { target: { value: 'nguyen van thu' } });

    const rows = await screen.findAllByTestId('person-row');
    expect(rows).toHaveLength(2);
    const search = searches(requests).at(-1);
    expect(search?.method).toBe('POST');
    expect([...(search?.query.keys() ?? [])]).toEqual([]);
    expect(bodyOf(search)).toEqual({ q: 'nguyen van thu', limit: 50 });
    expect(search?.headers.get('x-csrf-token')).toBe('csrf-active');
    // The name is nowhere in an address: not the API's, not the page's.
    expect(requests.every((request) => !request.query.toString().includes('nguyen'))).toBe(true);
    expect(router.state.location.href).toBe('/persons');

    const [first, second] = rows as [HTMLElement, HTMLElement];
    expect(within(first).getByText('Nguyễn Văn Thử').closest('a')?.getAttribute('href')).toBe(`/persons/${PERSON.id}`);
    expect(within(first).getByText('1990')).toBeTruthy();
    expect(within(first).getByText('Nam')).toBeTruthy();
    expect(within(first).getByText('Người nghiện chưa cai')).toBeTruthy();
    expect(within(first).getByText('Phường Ba Đình')).toBeTruthy();
    expect(within(first).queryByText('gần đúng')).toBeNull();
    expect(within(first).queryByText('Người chưa thành niên')).toBeNull();
    expect(within(second).getByText('gần đúng')).toBeTruthy();
    expect(within(second).getByText('Người chưa thành niên')).toBeTruthy();
    expect(within(second).getByText('Người sử dụng trái phép đang bị quản lý')).toBeTruthy();

    // The officer who registers persons has the button; it opens the registration form.
    fireEvent.click(screen.getByTestId('person-create'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/persons/new'));
  });

  it('keeps the filters that identify nobody in the page URL and pages on with "Tải thêm"', async () => {
    const { requests } = stubApi([
      signedIn(['provincial_lead']),
      onWrite('POST', '/api/persons/search', (request) =>
        bodyOf(request)?.after === 'cursor-1'
          ? { body: { items: [summary(MINOR, 'filter')], next: null } }
          : { body: { items: [summary(PERSON, 'filter')], next: 'cursor-1' } },
      ),
    ]);
    const { router } = renderApp('/persons?classification=ADDICT_NOT_IN_TREATMENT&birthYear=1990');

    expect(await screen.findAllByTestId('person-row')).toHaveLength(1);
    expect(bodyOf(searches(requests)[0])).toEqual({
      q: '',
      birthYear: 1990,
      classification: 'ADDICT_NOT_IN_TREATMENT',
      limit: 50,
    });
    // The provincial lead reads the registry but registers nobody.
    expect(screen.queryByTestId('person-create')).toBeNull();

    fireEvent.click(screen.getByTestId('person-load-more'));
    await waitFor(() => expect(screen.getAllByTestId('person-row')).toHaveLength(2));
    expect(bodyOf(searches(requests).at(-1))).toMatchObject({ after: 'cursor-1', classification: 'ADDICT_NOT_IN_TREATMENT' });
    expect(screen.queryByTestId('person-load-more')).toBeNull();
    expect(router.state.location.href).toBe('/persons?classification=ADDICT_NOT_IN_TREATMENT&birthYear=1990');
  });

  it('puts a chosen birth year and classification in the page URL and the search body', async () => {
    const { requests } = stubApi([communeOfficer(), onWrite('POST', '/api/persons/search', { body: { items: [], next: null } })]);
    const { router } = renderApp('/persons');

    const year = await screen.findByTestId('person-filter-birth-year');
    const yearInput = (year.tagName === 'INPUT' ? year : year.querySelector('input')) as HTMLInputElement;
    // The digits on the way to a whole year do not search.
    fireEvent.change(yearInput, { target: { value: '19' } });
    fireEvent.change(yearInput, { target: { value: '1990' } });
    await waitFor(() => expect(router.state.location.href).toBe('/persons?birthYear=1990'));
    await waitFor(() => expect(bodyOf(searches(requests).at(-1))?.birthYear).toBe(1990));

    const classification = within(screen.getByTestId('person-filter-classification')).getByRole('combobox');
    fireEvent.mouseDown(classification);
    fireEvent.click(await screen.findByText('Điều trị thay thế (methadone)', { selector: '.ant-select-item-option-content' }));
    await waitFor(() =>
      expect(bodyOf(searches(requests).at(-1))).toEqual({ q: '', birthYear: 1990, classification: 'OST_PATIENT', limit: 50 }),
    );
    expect(router.state.location.href).toBe('/persons?birthYear=1990&classification=OST_PATIENT');
    expect(searches(requests).some((request) => bodyOf(request)?.birthYear === 19)).toBe(false);
  });

  it('keeps the search text when coming back from a person’s page, without putting it in the URL', async () => {
    const { requests } = stubApi([
      communeOfficer(),
      onWrite('POST', '/api/persons/search', (request) =>
        bodyOf(request)?.q ? { body: { items: [summary(PERSON)], next: null } } : { body: { items: [], next: null } },
      ),
      (request) => (request.path === `/api/persons/${PERSON.id}` ? { body: PERSON } : undefined),
    ]);
    const { router } = renderApp('/persons');

    fireEvent.change(await screen.findByTestId('person-search'), { target: { value: '001090012345' } });
    fireEvent.click(await screen.findByText('Nguyễn Văn Thử'));
    await screen.findByTestId('person-name');
    router.history.back();

    await waitFor(() => expect((screen.getByTestId('person-search') as HTMLInputElement).value).toBe('001090012345'));
    expect(router.state.location.href).toBe('/persons');
    expect(bodyOf(searches(requests).at(-1))?.q).toBe('001090012345');
  });

  it('refuses the registry to a role that has no person data', async () => {
    const { requests } = stubApi([signedIn(['statistics_viewer'])]);
    renderApp('/persons');

    expect(await screen.findByText('Không có quyền truy cập')).toBeTruthy();
    expect(searches(requests)).toHaveLength(0);
  });
});
