import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, ScorelineError, EXIT, messageOf } from '../core/errors.ts';

/** Another process has the embedded database open. */
export class DataDirBusyError extends ScorelineError {
  readonly pid: number;
  readonly lockFile: string;

  constructor(dataDir: string, pid: number) {
    const lockFile = path.join(dataDir, LOCK_FILE);
    super(
      `the embedded database in ${dataDir} is in use by process ${pid} (lock file ${lockFile}); wait for it to finish, delete the lock file if no Scoreline process uses the folder, or set DATABASE_URL to share a PostgreSQL server between processes`,
      EXIT.fatal,
    );
    this.pid = pid;
    this.lockFile = lockFile;
  }
}

/** The name of the lock file inside the data folder. */
export const LOCK_FILE = 'scoreline.lock';

interface Owner {
  pid: number;
  /** The owner's start time in clock ticks after boot (Linux), if known. */
  startTime: string | null;
}

/**
 * PGlite allows one process per folder. This lock file holds the owner's
 * pid and, on Linux, its start time: a lock whose process is gone, or
 * whose pid now belongs to a process started at another time (pid reuse
 * after a crash and a reboot), is stale and taken over. Returns the
 * release function.
 *
 * Known shortcoming: a lock file with a pid only (or where /proc is
 * missing) cannot tell pid reuse apart; it then blocks until the process
 * with that pid ends or someone deletes the file, as the message says.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  const file = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(file, 'wx');
      const startTime = startTimeOf(process.pid);
      writeSync(fd, [process.pid, startTime].filter(Boolean).join(' '));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new ConfigError(
          `cannot create the lock file ${file}: ${messageOf(error)}; set SCORELINE_DATA_DIR to a folder you can write to`,
        );
      }
      const owner = readOwner(file);
      if (owner !== null && ownerIsRunning(owner)) {
        throw new DataDirBusyError(dataDir, owner.pid);
      }
      rmSync(file, { force: true });
    }
  }
  throw new DataDirBusyError(dataDir, readOwner(file)?.pid ?? 0);
}

function readOwner(file: string): Owner | null {
  try {
    const [pidText, startTime] = readFileSync(file, 'utf8').trim().split(/\s+/);
    const pid = Number.parseInt(pidText ?? '', 10);
    if (!Number.isInteger(pid) || pid <= 0) return null;
    return { pid, startTime: startTime ?? null };
  } catch {
    return null;
  }
}

function ownerIsRunning(owner: Owner): boolean {
  if (!isAlive(owner.pid)) return false;
  if (owner.startTime === null) return true;
  const now = startTimeOf(owner.pid);
  return now === null || now === owner.startTime;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Field 22 of /proc/<pid>/stat: when the process started, in clock ticks
 * after boot. Null where there is no /proc (then only the pid is used).
 */
function startTimeOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces; count after its ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}
