import type { UnitSearchResponse } from '@shared/contracts/units';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { on, stubApi } from '../../test/fake-api';
import { BA_DINH_WARD, CURRENT_AT, HANOI, HANOI_ANCESTOR, PERIODS, PRE2025_AT, signedIn, unit } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';

const LEGAL_BASIS = 'NQ 1654–1687/NQ-UBTVQH15 (16/6/2025) về sắp xếp ĐVHC cấp xã; mã theo QĐ 19/2025/QĐ-TTg';

const SEARCH_BA_DINH: UnitSearchResponse = {
  at: CURRENT_AT,
  items: [
    { unit: BA_DINH_WARD, ancestors: [HANOI_ANCESTOR], fuzzy: false },
    {
      unit: unit({
        code: '16171',
        name: 'Ba Đình',
        fullName: 'Xã Ba Đình',
        kind: 'commune',
        parentCode: '38',
        path: ['38', '16171'],
      }),
      ancestors: [{ code: '38', level: 'province', kind: 'province', name: 'Thanh Hoá', fullName: 'Tỉnh Thanh Hoá' }],
      fuzzy: true,
    },
  ],
};

const TRUC_BACH_OLD = unit({
  code: '00004',
  name: 'Trúc Bạch',
  fullName: 'Phường Trúc Bạch',
  parentCode: '001',
  path: ['01', '001', '00004'],
  validFrom: null,
  validTo: '2025-06-30',
});
const BA_DINH_DISTRICT_ANCESTOR = {
  code: '001',
  level: 'district',
  kind: 'urban_district',
  name: 'Ba Đình',
  fullName: 'Quận Ba Đình',
} as const;

function baseApi() {
  return [
    signedIn(),
    on('/api/units/periods', { items: PERIODS }),
    // Provinces only (no `parent`): the tree's first level.
    on('/api/units', { at: CURRENT_AT, parent: null, items: [HANOI] }, 200, { parent: null }),
  ];
}

describe('UnitsPage', () => {
  it('searches as the officer types and lists the hits with their province and a fuzzy marker', async () => {
    const { requests } = stubApi([on('/api/units/search', SEARCH_BA_DINH), ...baseApi()]);
    const { router } = renderApp('/units');

    const box = await screen.findByTestId('unit-search');
    expect(box.tagName).toBe('INPUT');
    expect(box.getAttribute('placeholder')).toBe('Tìm theo tên hoặc mã, ví dụ: ba dinh');
    fireEvent.change(box, { target: { value: 'ba dinh' } });

    const hits = await screen.findAllByTestId('unit-search-result');
    expect(hits).toHaveLength(2);
    const [first, second] = hits as [HTMLElement, HTMLElement];
    expect(within(first).getByText('Phường Ba Đình')).toBeTruthy();
    expect(within(first).getByText('(00004)')).toBeTruthy();
    expect(within(first).getByText('Thành phố Hà Nội')).toBeTruthy();
    expect(within(first).queryByText('gần đúng')).toBeNull();
    expect(within(second).getByText('gần đúng')).toBeTruthy();

    // One request for the whole word (debounced), for the current period's date, in Vietnamese.
    const searches = requests.filter((request) => request.path === '/api/units/search');
    expect(searches).toHaveLength(1);
    expect(searches[0]?.query.get('q')).toBe('ba dinh');
    expect(searches[0]?.query.get('at')).toBe(CURRENT_AT);
    expect(searches[0]?.headers.get('accept-language')).toBe('vi');
    // The search is in the URL, so it survives a reload and can be bookmarked.
    expect(router.state.location.search).toMatchObject({ q: 'ba dinh', period: 'current' });
  });

  it('shows the unit chosen in the results and the old units it was formed from', async () => {
    stubApi([
      on('/api/units/search', SEARCH_BA_DINH),
      on('/api/units/00004', { at: CURRENT_AT, unit: BA_DINH_WARD, ancestors: [HANOI_ANCESTOR] }),
      on('/api/units/00004/predecessors', {
        at: CURRENT_AT,
        unit: BA_DINH_WARD,
        predecessors: [
          {
            unit: TRUC_BACH_OLD,
            kind: 'full',
            effectiveDate: '2025-07-01',
            legalBasis: LEGAL_BASIS,
            via: [],
            ancestors: [HANOI_ANCESTOR, BA_DINH_DISTRICT_ANCESTOR],
          },
          {
            unit: unit({
              code: '00016',
              name: 'Ngọc Hà',
              fullName: 'Phường Ngọc Hà',
              path: ['01', '001', '00016'],
              validFrom: null,
              validTo: '2025-06-30',
            }),
            kind: 'partial',
            effectiveDate: '2025-07-01',
            legalBasis: LEGAL_BASIS,
            via: [],
            ancestors: [HANOI_ANCESTOR, BA_DINH_DISTRICT_ANCESTOR],
          },
        ],
      }),
      ...baseApi(),
    ]);
    const { router } = renderApp('/units?q=ba%20dinh');

    const [first] = await screen.findAllByTestId('unit-search-result');
    fireEvent.click(first as HTMLElement);

    const card = (await screen.findByText('Hình thành từ')).closest('.ant-card') as HTMLElement;
    await within(card).findByText('Phường Trúc Bạch');
    expect(router.state.location.search).toMatchObject({ code: '00004', q: 'ba dinh' });
    expect(within(card).getByText('Phường')).toBeTruthy();
    expect(within(card).getByText('Từ 01/07/2025 đến nay')).toBeTruthy();
    const rows = within(card).getAllByRole('row');
    const oldWard = rows.find((row) => row.textContent?.includes('Phường Trúc Bạch')) as HTMLElement;
    expect(within(oldWard).getByText('Quận Ba Đình, Thành phố Hà Nội')).toBeTruthy();
    expect(within(oldWard).getByText('Toàn bộ')).toBeTruthy();
    expect(within(oldWard).getByText('01/07/2025')).toBeTruthy();
    // The old ward is a link into the pre-2025 period, where code 00004 means Trúc Bạch.
    expect(within(oldWard).getByText('Phường Trúc Bạch').closest('a')?.getAttribute('href')).toBe(
      '/units?period=pre2025&code=00004',
    );
    const partial = rows.find((row) => row.textContent?.includes('Phường Ngọc Hà')) as HTMLElement;
    expect(within(partial).getByText('Một phần')).toBeTruthy();
    // Both mergers rest on the same resolution: it is written once, not in every row.
    expect(within(card).getAllByText(`Căn cứ pháp lý: ${LEGAL_BASIS}`)).toHaveLength(1);
  });

  it('shows what a pre-2025 district became, with the old communes it went through', async () => {
    const district = unit({
      code: '001',
      name: 'Ba Đình',
      fullName: 'Quận Ba Đình',
      level: 'district',
      kind: 'urban_district',
      parentCode: '01',
      path: ['01', '001'],
      validFrom: null,
      validTo: '2025-06-30',
      childCount: 13,
    });
    const { requests } = stubApi([
      on('/api/units/001', { at: PRE2025_AT, unit: district, ancestors: [HANOI_ANCESTOR] }),
      on('/api/units/001/successors', {
        at: PRE2025_AT,
        target: CURRENT_AT,
        unit: district,
        ancestors: [HANOI_ANCESTOR],
        successors: [
          { unit: BA_DINH_WARD, kind: 'partial', effectiveDate: '2025-07-01', legalBasis: LEGAL_BASIS, via: ['00004', '00013'] },
        ],
      }),
      ...baseApi(),
    ]);
    renderApp('/units?period=pre2025&code=001');

    const card = (await screen.findByText('Nay thuộc')).closest('.ant-card') as HTMLElement;
    expect(within(card).getByText('Quận')).toBeTruthy();
    expect(within(card).getByText('Đến hết 30/06/2025')).toBeTruthy();
    expect(within(card).getByText('13 đơn vị')).toBeTruthy();
    const row = (await within(card).findByText('Phường Ba Đình')).closest('tr') as HTMLElement;
    expect(within(row).getByText('Một phần')).toBeTruthy();
    expect(within(row).getByText('Thành phố Hà Nội')).toBeTruthy();
    expect(within(row).getByText('00013').closest('a')?.getAttribute('href')).toBe('/units?period=pre2025&code=00013');
    expect(within(row).getByText('Phường Ba Đình').closest('a')?.getAttribute('href')).toBe('/units?period=current&code=00004');

    const detail = requests.find((request) => request.path === '/api/units/001');
    expect(detail?.query.get('at')).toBe(PRE2025_AT);
  });

  it('shows the server message for a code that does not exist in the period, not a crash', async () => {
    stubApi([
      on(
        '/api/units/99999',
        { code: 'UNIT_NOT_FOUND', message: 'Không có đơn vị hành chính mã 99999 có hiệu lực ngày 2026-03-15.', requestId: 'r1' },
        404,
      ),
      ...baseApi(),
    ]);
    renderApp('/units?code=99999');

    expect(await screen.findByText('Không có đơn vị hành chính mã 99999 có hiệu lực ngày 2026-03-15.')).toBeTruthy();
    // The rest of the page still works: the tree of provinces is there.
    expect(await screen.findByText('Thành phố Hà Nội (01)')).toBeTruthy();
  });

  it('drops the selected code when the period changes, because codes were reused in 2025', async () => {
    stubApi([on('/api/units/00004', { at: CURRENT_AT, unit: BA_DINH_WARD, ancestors: [HANOI_ANCESTOR] }), ...baseApi()]);
    const { router } = renderApp('/units?code=00004');
    await screen.findByText('Tên đầy đủ');

    fireEvent.click(screen.getByText('Trước 01/07/2025'));

    await waitFor(() => expect(router.state.location.search).toEqual({ period: 'pre2025' }));
    expect(await screen.findByText('Chọn một đơn vị trong cây hoặc trong kết quả tìm kiếm để xem chi tiết.')).toBeTruthy();
  });
});
