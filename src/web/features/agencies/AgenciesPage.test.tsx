import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { changeLanguage } from '../../i18n';
import { on, stubApi } from '../../test/fake-api';
import { AGENCIES, RETIRED_AGENCY, signedIn } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';

function agenciesApi() {
  return stubApi([
    signedIn(),
    on('/api/agencies', { items: AGENCIES }, 200, { includeInactive: 'false' }),
    on('/api/agencies', { items: [...AGENCIES, RETIRED_AGENCY] }, 200, { includeInactive: 'true' }),
  ]);
}

describe('AgenciesPage', () => {
  it('lists active agencies with their parent by name', async () => {
    agenciesApi();
    renderApp('/agencies');

    const pc04 = (await screen.findByText('Phòng Cảnh sát điều tra tội phạm về ma túy')).closest('tr') as HTMLElement;
    expect(within(pc04).getByText('PC04', { selector: 'code' })).toBeTruthy();
    expect(within(pc04).getByText('Công an tỉnh')).toBeTruthy();
    expect(within(pc04).getByText('Cấp tỉnh')).toBeTruthy();
    expect(screen.queryByText('Sở Lao động - Thương binh và Xã hội')).toBeNull();
  });

  it('includes retired agencies when asked, and keeps that choice in the URL', async () => {
    const { requests } = agenciesApi();
    const { router } = renderApp('/agencies');
    await screen.findByText('Công an tỉnh', { selector: 'strong' });

    fireEvent.click(screen.getByRole('switch'));

    const retired = (await screen.findByText('Sở Lao động - Thương binh và Xã hội')).closest('tr') as HTMLElement;
    expect(within(retired).getByText('Ngừng hoạt động')).toBeTruthy();
    expect(within(retired).getByText('28/02/2025')).toBeTruthy();
    expect(router.state.location.href).toBe('/agencies?all=true');
    expect(requests.at(-1)?.query.get('includeInactive')).toBe('true');
  });

  it('shows agency names in English when the UI is in English', async () => {
    agenciesApi();
    renderApp('/agencies?all=true');
    await screen.findByText('Công an tỉnh', { selector: 'strong' });

    await changeLanguage('en');

    await waitFor(() => expect(screen.getByText('Provincial Police', { selector: 'strong' })).toBeTruthy());
    expect(screen.getByText('Retired')).toBeTruthy();
  });
});
