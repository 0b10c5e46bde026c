import { spawn } from 'node:child_process';
import path from 'node:path';
import { expect } from 'vitest';
import { REPO_ROOT } from '../../src/core/paths.ts';

/** How a `scoreline` run in a child process ended. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `bin/scoreline.js` in a child process with the given environment on
 * top of this one (logging silent, no DATABASE_URL or REDIS_URL unless
 * given). A run longer than `timeoutMs` is killed (code null).
 */
export function runCli(
  args: string[],
  env: Record<string, string | undefined>,
  timeoutMs = 0,
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const childEnv: Record<string, string | undefined> = {
      ...process.env, SCORELINE_LOG_LEVEL: 'silent', ...env };
    for (const name of ['DATABASE_URL', 'REDIS_URL']) {
      if (env[name] === undefined) delete childEnv[name];
    }
    const child = spawn(process.execPath,
      [path.join(REPO_ROOT, 'bin', 'scoreline.js'), ...args],
      { cwd: REPO_ROOT, env: childEnv, timeout: timeoutMs, killSignal: 'SIGKILL' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Exactly one line on stderr: no stack frame, no SQL, no internal error. */
export function expectOneCleanLine(run: CliRun): void {
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines, run.stderr).toHaveLength(1);
  expect(run.stderr).toMatch(/^scoreline: /);
  expect(run.stderr).not.toMatch(/\n\s+at |Failed query|internal error/);
}
