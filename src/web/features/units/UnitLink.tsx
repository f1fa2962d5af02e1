import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import type { UnitsPeriodParam } from './units-search';

interface UnitLinkProps {
  code: string;
  /** Period the code belongs to; codes are reused across periods, so a code alone is ambiguous. */
  period: UnitsPeriodParam;
  children: ReactNode;
  title?: string;
}

/**
 * A real link to a unit on the units page (opens in a new tab with a middle click). Following
 * it clears the search so the tree shows where the unit sits.
 */
export function UnitLink({ code, period, children, title }: UnitLinkProps) {
  return (
    <Link to="/units" search={{ period, code }} title={title}>
      {children}
    </Link>
  );
}
