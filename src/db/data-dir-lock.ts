import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { ScorelineError, EXIT } from '../core/errors.ts';

/** Another process has the embedded database open. */
export class DataDirBusyError extends ScorelineError {
  readonly pid: number;

  constructor(dataDir: string, pid: number) {
    super(
      `the embedded database in ${dataDir} is in use by process ${pid}; wait for it to finish, or set DATABASE_URL to share a PostgreSQL server between processes`,
      EXIT.fatal,
    );
    this.pid = pid;
  }
}

const LOCK_FILE = 'scoreline.lock';

/**
 * PGlite allows one process per folder. This lock file holds the owner's
 * pid; a lock whose process is gone is stale and taken over, so a crash
 * never blocks the folder for ever. Returns the release function.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  const file = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readOwner(file);
      if (owner !== null && isAlive(owner)) {
        throw new DataDirBusyError(dataDir, owner);
      }
      rmSync(file, { force: true });
    }
  }
  throw new DataDirBusyError(dataDir, readOwner(file) ?? 0);
}

function readOwner(file: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
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
