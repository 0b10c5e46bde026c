import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { REPO_ROOT } from '../../src/core/paths.ts';

/** A worker process and the lines it printed. */
export interface WorkerProcess {
  child: ChildProcess;
  lines: string[];
  /** Resolves with the first line matching, now or later. */
  waitForLine(pattern: RegExp): Promise<string>;
  /** Stage calls it printed, parsed. */
  calls(): { stage: string; matchId: number; modelIds?: string[] }[];
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
  /** SIGKILL: a crash. */
  kill(): Promise<void>;
}

/** Starts test/backfill/worker-process.ts and waits until it is ready. */
export async function spawnWorker(
  env: Record<string, string>,
): Promise<WorkerProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/backfill/worker-process.ts'],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, SCORELINE_LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const lines: string[] = [];
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  createInterface({ input: child.stdout! }).on('line', (line) => {
    lines.push(line);
    for (const waiter of [...waiters]) {
      if (waiter.pattern.test(line)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  });
  const worker: WorkerProcess = {
    child,
    lines,
    waitForLine(pattern) {
      const seen = lines.find((line) => pattern.test(line));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        waiters.push({ pattern, resolve });
        exited.then(() => reject(new Error(`worker exited before ${pattern}`)));
      });
    },
    calls() {
      return lines
        .filter((line) => line.startsWith('call '))
        .map((line) => JSON.parse(line.slice(5)));
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
  await worker.waitForLine(/^ready$/);
  return worker;
}
