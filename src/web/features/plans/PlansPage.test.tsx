import { todayInVietnam } from '@shared/dates';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { on, onWrite, stubApi } from '../../test/fake-api';
import { signedIn } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';
import { plan } from './plan-test-fixtures';

const YEAR = Number(todayInVietnam().slice(0, 4));

describe('PlansPage', () => {
  it('lists the plans with dates in DD/MM/YYYY and task progress, filtered through the address', async () => {
    const { requests } = stubApi([signedIn(['provincial_officer']), on('/api/plans', { items: [{ ...plan(), tasksDone: 1 }] })]);
    renderApp('/plans?status=issued&year=2026');

    const link = await screen.findByTestId('plan-link');
    const row = link.closest('tr') as HTMLElement;
    expect(within(row).getByText('123/KH-UBND')).toBeTruthy();
    expect(within(row).getByText('15/05/2026')).toBeTruthy();
    expect(within(row).getByText('Tháng hành động')).toBeTruthy();
    expect(within(row).getByText('Đã ban hành')).toBeTruthy();
    expect(within(row).getByText('01/06/2026 – 30/06/2026')).toBeTruthy();
    expect(within(row).getByTestId('plan-progress').textContent).toBe('1/2');
    const list = requests.find((request) => request.path === '/api/plans');
    expect([list?.query.get('status'), list?.query.get('year')]).toEqual(['issued', '2026']);
    expect(within(screen.getByRole('navigation')).getByText('Kế hoạch').closest('a')?.getAttribute('href')).toBe('/plans');
  });

  it('creates an Action Month draft for the chosen year and opens it', async () => {
    const { requests } = stubApi([
      signedIn(['provincial_officer']),
      on('/api/plans', { items: [] }),
      onWrite('POST', '/api/plans', { status: 201, body: plan({ id: 'plan-new', status: 'draft' }) }),
      on('/api/plans/plan-new', plan({ id: 'plan-new', status: 'draft' })),
    ]);
    const { router } = renderApp('/plans');
    fireEvent.click(await screen.findByTestId('plans-new-action-month'));
    const title = (await screen.findByTestId('plan-new-title')) as HTMLTextAreaElement;
    expect(title.value).toBe(`Kế hoạch thực hiện Tháng hành động phòng, chống ma túy năm ${YEAR}`);
    fireEvent.change(screen.getByTestId('plan-new-year'), { target: { value: String(YEAR + 1) } });
    await waitFor(() => expect(title.value).toBe(`Kế hoạch thực hiện Tháng hành động phòng, chống ma túy năm ${YEAR + 1}`));
    fireEvent.click(screen.getByTestId('plan-new-submit'));

    await waitFor(() => expect(router.state.location.pathname).toBe('/plans/plan-new'));
    const created = requests.find((request) => request.method === 'POST' && request.path === '/api/plans');
    expect(created?.body).toEqual({
      type: 'action_month',
      title: `Kế hoạch thực hiện Tháng hành động phòng, chống ma túy năm ${YEAR + 1}`,
      periodFrom: `${YEAR + 1}-06-01`,
      periodTo: `${YEAR + 1}-06-30`,
      milestones: [{ on: `${YEAR + 1}-06-26`, label: 'Ngày toàn dân phòng, chống ma túy (26/6)' }],
    });
  });
});
