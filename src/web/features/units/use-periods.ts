import type { UnitPeriodDto } from '@shared/contracts/units';
import { useQuery } from '@tanstack/react-query';
import { unitQueries } from './units-api';
import type { UnitsPeriodParam } from './units-search';

/** URL value → id of the data set period on the server (`/api/units/periods`). */
const PERIOD_IDS: Record<UnitsPeriodParam, string> = {
  current: 'vn-2025',
  pre2025: 'vn-pre-2025',
};

export interface UnitPeriods {
  current: UnitPeriodDto;
  pre2025: UnitPeriodDto;
}

function pick(items: UnitPeriodDto[], param: UnitsPeriodParam): UnitPeriodDto | undefined {
  return items.find((period) => period.id === PERIOD_IDS[param]);
}

/**
 * Both hierarchy periods. Their `referenceDate` is the `at` of every unit query: the last day
 * of the old hierarchy (30/06/2025) and today for the current one.
 */
export function usePeriods() {
  return useQuery({
    ...unitQueries.periods(),
    select: (data): UnitPeriods | null => {
      const current = pick(data.items, 'current');
      const pre2025 = pick(data.items, 'pre2025');
      return current && pre2025 ? { current, pre2025 } : null;
    },
  });
}
