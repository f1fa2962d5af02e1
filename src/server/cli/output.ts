/** Plain-text tables for the terminal. Text is NFC, so one code point is one column for Vietnamese. */
export function printTable(headers: string[], rows: (string | number | null)[][]): void {
  const cells = [headers, ...rows.map((row) => row.map((cell) => (cell === null ? '' : String(cell))))];
  const widths = headers.map((_, col) => Math.max(...cells.map((row) => [...(row[col] ?? '')].length)));
  const line = (row: string[]) =>
    row
      .map((cell, col) => cell + ' '.repeat(Math.max(0, (widths[col] ?? 0) - [...cell].length)))
      .join('  ')
      .trimEnd();
  process.stdout.write(`${line(cells[0] ?? [])}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  for (const row of cells.slice(1)) process.stdout.write(`${line(row)}\n`);
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
