import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../../src/core/paths.ts';

/** A `scoreline worker` child process, as a test sees it. */
export interface WorkerProcess {
  child: ChildProcess;
  pid: number;
  /** Resolves once the worker logged that it started. */
  started: Promise<void>;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<{ code: number | null; signal: string | null }>;
  /** Every stderr line so far (pino JSON lines). */
  lines: string[];
}

/** Starts `bin/scoreline.js worker` with the given environment and flags. */
export function startWorkerProcess(
  env: Record<string, string>,
  args: string[] = [],
): WorkerProcess {
  const child = spawn(
    process.execPath,
    [path.join(REPO_ROOT, 'bin', 'scoreline.js'), 'worker', ...args],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, SCORELINE_LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  const lines: string[] = [];
  let onStarted = () => undefined as void;
  const started = new Promise<void>((resolve, reject) => {
    onStarted = resolve;
    child.once('exit', (code) =>
      reject(new Error(`worker exited with ${code}: ${lines.join('\n')}`)),
    );
  });
  started.catch(() => undefined);
  let buffer = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      if (line.includes('"worker started"')) onStarted();
    }
  });
  const exited = new Promise<{ code: number | null; signal: string | null }>(
    (resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  if (child.pid === undefined) throw new Error('worker did not start');
  return { child, pid: child.pid, started, exited, lines };
}
