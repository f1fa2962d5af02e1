import type { PlanImportPreviewDto } from '@shared/contracts/plans';
import { type ReactNode, useEffect, useMemo, useRef } from 'react';

type Highlight = PlanImportPreviewDto['highlights'][number];

/** Whether a mark (`agencies.2.name`) belongs to the field pointed at (`agencies.2` or `agencies.2.name`). */
export function markMatches(markField: string, active: string): boolean {
  return markField === active || markField.startsWith(`${active}.`);
}

/**
 * The text with every highlight as a `<mark data-field>`. Highlights inside another are nested in
 * it; one that overlaps the previous one only in part starts where that one ends.
 */
export function markedText(text: string, highlights: readonly Highlight[]): ReactNode[] {
  const sorted = highlights
    .filter((h) => h.start >= 0 && h.end <= text.length && h.start < h.end)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const build = (from: number, to: number, list: readonly Highlight[]): ReactNode[] => {
    const out: ReactNode[] = [];
    let cursor = from;
    let i = 0;
    while (i < list.length) {
      const highlight = list[i] as Highlight;
      let j = i + 1;
      while (j < list.length && (list[j] as Highlight).start < highlight.end) j++;
      const start = Math.max(highlight.start, cursor);
      const end = Math.min(highlight.end, to);
      if (start >= end) {
        i++;
        continue;
      }
      if (start > cursor) out.push(text.slice(cursor, start));
      out.push(
        <mark key={`${highlight.field}@${start}`} data-field={highlight.field} className="pcmt-plan-mark">
          {build(start, end, list.slice(i + 1, j))}
        </mark>,
      );
      cursor = end;
      i = j;
    }
    if (cursor < to) out.push(text.slice(cursor, to));
    return out;
  };
  return build(0, text.length, sorted);
}

/**
 * The document's text as the parser read it, with where each field was found marked. When the
 * officer works on a field of the draft (`active`), its marks are emphasised and scrolled to.
 */
export function SourceText({
  text,
  highlights,
  active,
}: {
  text: string;
  highlights: readonly Highlight[];
  active: string | null;
}) {
  const pane = useRef<HTMLPreElement>(null);
  const nodes = useMemo(() => markedText(text, highlights), [text, highlights]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: new marks (nodes) are emphasised anew
  useEffect(() => {
    const element = pane.current;
    if (!element) return;
    let first: HTMLElement | null = null;
    for (const mark of element.querySelectorAll<HTMLElement>('mark[data-field]')) {
      const on = active !== null && markMatches(mark.dataset.field ?? '', active);
      mark.classList.toggle('pcmt-plan-mark-active', on);
      if (on && !first) first = mark;
    }
    // Scrolls the pane only, never the page: the form the officer works in stays where it is.
    if (first) {
      const top = Math.max(0, first.offsetTop - element.clientHeight / 3);
      if (typeof element.scrollTo === 'function') element.scrollTo({ top, behavior: 'smooth' });
      else element.scrollTop = top;
    }
  }, [active, nodes]);
  return (
    <pre ref={pane} className="pcmt-plan-source" data-testid="plan-source-text">
      {nodes}
    </pre>
  );
}
