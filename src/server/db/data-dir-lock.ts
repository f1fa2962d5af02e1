import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * PGlite is a single-process database: two processes opening one data directory corrupt it.
 * Whoever opens the embedded database (the server or a CLI command) first takes this lock; a
 * second process gets a clear message instead of a damaged database.
 */
export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `Thư mục dữ liệu ${dataDir} đang được dùng bởi ${holder.purpose === 'server' ? 'máy chủ PCMT' : 'một lệnh PCMT khác'} (pid ${holder.pid}). ` +
        'Chế độ nhúng (PGlite) chỉ cho một tiến trình: hãy dừng máy chủ (Ctrl+C) rồi chạy lại lệnh. / ' +
        `The data directory is in use by ${holder.purpose === 'server' ? 'the PCMT server' : 'another PCMT command'} (pid ${holder.pid}); ` +
        'embedded mode allows one process at a time: stop the server, then run the command again.',
    );
  }
}

export interface LockHolder {
  pid: number;
  purpose: 'server' | 'cli' | 'test';
  host: string;
  startedAt: string;
}

const LOCK_FILE = 'pcmt.lock';

/** Takes the lock or throws DataDirInUseError. Returns the function that releases it. */
export function lockDataDir(dataDir: string, purpose: LockHolder['purpose']): () => void {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, LOCK_FILE);
  const me: LockHolder = { pid: process.pid, purpose, host: os.hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(me), { flag: 'wx', mode: 0o600 });
      const release = () => {
        process.removeListener('exit', release);
        try {
          const current = readHolder(file);
          if (current?.pid === process.pid) fs.unlinkSync(file);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(file);
      if (holder && holder.host === me.host && isAlive(holder.pid) && holder.pid !== process.pid) {
        throw new DataDirInUseError(dataDir, holder);
      }
      // A lock left by a process that died (or an unreadable file): take it over.
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${file}`);
}

function readHolder(file: string): LockHolder | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockHolder;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
