import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { on, stubApi } from '../test/fake-api';
import { AGENCIES } from '../test/fixtures';
import { renderApp } from '../test/render-app';

/** The side menu, once the router has rendered the layout. */
async function findMenu() {
  return within(await screen.findByRole('navigation'));
}

describe('AppLayout', () => {
  it('shows the menu in Vietnamese and switches it to English, remembering the choice', async () => {
    stubApi([]);
    renderApp('/');
    const menu = await findMenu();

    expect(menu.getByText('Đơn vị hành chính')).toBeTruthy();
    expect(menu.getByText('Cơ quan, đơn vị')).toBeTruthy();
    expect(menu.getByText('Danh mục')).toBeTruthy();

    fireEvent.click(screen.getByText('English'));

    expect(await menu.findByText('Administrative units')).toBeTruthy();
    expect(menu.getByText('Agencies')).toBeTruthy();
    expect(menu.getByText('Reference data')).toBeTruthy();
    expect(menu.queryByText('Đơn vị hành chính')).toBeNull();
    expect(window.localStorage.getItem('pcmt.language')).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('marks the modules that do not exist yet as disabled "coming soon" entries, not links', async () => {
    stubApi([]);
    renderApp('/');
    const menu = await findMenu();

    const plans = menu.getByText('Kế hoạch & nhiệm vụ');
    const item = plans.closest('li');
    expect(item?.getAttribute('aria-disabled')).toBe('true');
    expect(within(item as HTMLElement).getByText('sắp có')).toBeTruthy();
    expect(plans.closest('a')).toBeNull();
    // The working reference pages are real links.
    expect(menu.getByText('Đơn vị hành chính').closest('a')?.getAttribute('href')).toBe('/units');
  });

  it('highlights the menu entry of the current page', async () => {
    stubApi([on('/api/agencies', { items: AGENCIES })]);
    renderApp('/agencies');

    await screen.findByText('Phòng Cảnh sát điều tra tội phạm về ma túy');
    const selected = screen.getByRole('navigation').querySelector('.ant-menu-item-selected');
    expect(selected?.textContent).toBe('Cơ quan, đơn vị');
  });
});
