import { type ReactNode, useEffect, useRef } from 'react';

/**
 * A message shown at the foot of a long form (possible duplicates, a conflict, a refusal). It is
 * scrolled into view when it appears: on a 768-pixel-high screen it would otherwise open below
 * the fold, and the officer would see only a save button that did nothing.
 */
export function FormPanel({ children, testId }: { children: ReactNode; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
  }, []);
  return (
    <div ref={ref} data-testid={testId} className="pcmt-form-panel">
      {children}
    </div>
  );
}
