import { SingleBar } from 'cli-progress';

/**
 * A progress bar on stderr for long commands (stdout stays clean for `--json` and pipes). Without a
 * terminal (CI, a pipe) it prints one line per step instead of redrawing.
 */
export interface Progress {
  update(done: number, label: string): void;
  stop(): void;
}

export function startProgress(title: string, total: number): Progress {
  if (!process.stderr.isTTY) {
    process.stderr.write(`${title}: 0/${total}\n`);
    return {
      update: (done, label) => process.stderr.write(`${title}: ${done}/${total}${label ? ` ${label}` : ''}\n`),
      stop: () => {},
    };
  }
  const bar = new SingleBar({
    stream: process.stderr,
    format: `${title} [{bar}] {value}/{total} {label}`,
    hideCursor: true,
    clearOnComplete: false,
  });
  bar.start(total, 0, { label: '' });
  return {
    update: (done, label) => bar.update(done, { label }),
    stop: () => bar.stop(),
  };
}

/** A one-line notice on stderr for a step that has no measurable progress (first PGlite start). */
export function notice(text: string): void {
  process.stderr.write(`${text}\n`);
}
