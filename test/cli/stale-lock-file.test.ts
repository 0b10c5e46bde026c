import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  acquireDataDirLock,
  DataDirBusyError,
  LOCK_FILE,
} from '../../src/db/data-dir-lock.ts';
import { expectOneCleanLine, runCli } from './run-cli.ts';

const root = mkdtempSync(path.join(tmpdir(), 'scoreline-lock-'));
/** Stand-in for a process that took over a crashed Scoreline's pid. */
let other: ChildProcess;

beforeAll(async () => {
  other = spawn('sleep', ['120'], { stdio: 'ignore' });
  await new Promise((resolve) => other.once('spawn', resolve));
});
afterAll(() => {
  other.kill();
  rmSync(root, { recursive: true, force: true });
});

function folderWithLock(name: string, content: string): string {
  const folder = path.join(root, name);
  mkdirSync(folder);
  writeFileSync(path.join(folder, LOCK_FILE), content);
  return folder;
}

/** Field 22 of /proc/<pid>/stat, worked out here on its own. */
function startTime(pid: number): string {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] as string;
}

describe('the data folder lock', () => {
  it('records the pid and its start time', () => {
    const folder = path.join(root, 'fresh');
    mkdirSync(folder);
    const release = acquireDataDirLock(folder);
    const content = readFileSync(path.join(folder, LOCK_FILE), 'utf8');
    expect(content).toBe(`${process.pid} ${startTime(process.pid)}`);
    release();
  });

  it('takes over a lock whose pid now belongs to a process started later', () => {
    const folder = folderWithLock('reused', `${other.pid} 1`);
    const release = acquireDataDirLock(folder);
    expect(readFileSync(path.join(folder, LOCK_FILE), 'utf8'))
      .toMatch(new RegExp(`^${process.pid} `));
    release();
  });

  it('stays busy when the pid and start time match a live process', () => {
    const pid = other.pid as number;
    const folder = folderWithLock('live', `${pid} ${startTime(pid)}`);
    expect(() => acquireDataDirLock(folder)).toThrow(DataDirBusyError);
  });

  it('a pid-only lock of a live process: exit 1, one line naming the lock file', async () => {
    const folder = folderWithLock('pid-only', String(other.pid));
    const run = await runCli(['migrate'], { SCORELINE_DATA_DIR: folder });
    expect(run.code).toBe(1);
    expectOneCleanLine(run);
    expect(run.stderr).toContain(path.join(folder, LOCK_FILE));
    expect(run.stderr).toMatch(/delete the lock file if no Scoreline process uses the folder/);
  });

  it('migrate takes over a lock whose pid was reused', async () => {
    const folder = folderWithLock('reused-cli', `${other.pid} 1`);
    const run = await runCli(['migrate'], { SCORELINE_DATA_DIR: folder });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });
});
