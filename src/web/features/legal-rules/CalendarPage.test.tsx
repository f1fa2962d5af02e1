import type { CalendarYearDto } from '@shared/contracts/calendar';
import { todayInVietnam } from '@shared/dates';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { on, stubApi } from '../../test/fake-api';
import { signedIn } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';

const YEAR = Number(todayInVietnam().slice(0, 4));

/** A fake year: one fixed holiday and one provisional one. */
const CALENDAR: CalendarYearDto = {
  year: YEAR,
  holidays: [
    {
      date: `${YEAR}-01-01`,
      key: 'new_year',
      nameVi: 'Tết Dương lịch',
      nameEn: "New Year's Day",
      legalBasis: 'Điều 112 Bộ luật Lao động 2019',
      provisional: false,
    },
    {
      date: `${YEAR}-09-01`,
      key: 'national_day_adjacent',
      nameVi: 'Nghỉ liền kề Quốc khánh',
      nameEn: 'Day next to National Day',
      legalBasis: 'Điều 112 Bộ luật Lao động 2019',
      provisional: true,
    },
  ],
  workingDayCount: 249,
  declaration: null,
  document: null,
  version: null,
  updatedAt: null,
};

const WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

describe('CalendarPage', () => {
  it("shows this year's days off and computes a deadline in working days", async () => {
    const api = stubApi([
      signedIn(['commune_officer']),
      on(`/api/calendar/${YEAR}`, CALENDAR),
      on('/api/calendar/working-days', { from: '2026-02-13', days: 3, date: '2026-02-25' }, 200, {
        from: '2026-02-13',
        days: '3',
      }),
    ]);
    renderApp('/calendar');

    const rows = await screen.findAllByTestId('calendar-holiday');
    expect(rows).toHaveLength(2);
    const [first, second] = rows.map((row) => within(row as HTMLElement));
    expect(first?.getByText(`01/01/${YEAR}`)).toBeTruthy();
    expect(first?.getByText(WEEKDAYS[new Date(Date.UTC(YEAR, 0, 1)).getUTCDay()] ?? '')).toBeTruthy();
    expect(first?.getByText('Tết Dương lịch')).toBeTruthy();
    expect(first?.queryByText('tạm tính')).toBeNull();
    expect(second?.getByText('tạm tính')).toBeTruthy();
    expect(screen.getByTestId('working-day-count').textContent).toBe('249');
    // Only the administrator enters the year's announcement.
    expect(screen.queryByTestId('calendar-declare')).toBeNull();

    const from = screen.getByPlaceholderText('DD/MM/YYYY');
    fireEvent.mouseDown(from);
    fireEvent.change(from, { target: { value: '13/02/2026' } });
    fireEvent.keyDown(from, { key: 'Enter', code: 'Enter' });
    fireEvent.blur(from);
    fireEvent.click(screen.getByTestId('deadline-submit'));

    expect((await screen.findByTestId('working-days-result')).textContent).toBe('25/02/2026');
    expect(api.requests.some((request) => request.path === '/api/calendar/working-days')).toBe(true);
  });

  it('gives the administrator the form to enter the year', async () => {
    stubApi([signedIn(['system_admin']), on(`/api/calendar/${YEAR}`, CALENDAR)]);
    renderApp('/calendar');

    expect(await screen.findByTestId('calendar-declare')).toBeTruthy();
    const entry = within(screen.getByRole('navigation')).getByText('Lịch làm việc');
    expect(entry.closest('a')?.getAttribute('href')).toBe('/calendar');
  });
});
