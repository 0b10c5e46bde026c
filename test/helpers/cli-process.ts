// Runs the real command line as a child process, and fakes an LLM
// provider on 127.0.0.1, for process-level tests.
import { spawn } from 'node:child_process';
import http from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { REPO_ROOT, sharedDataDir } from '../../src/core/paths.ts';

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs `bin/scoreline.js <args>`; kills it after `killAfterMs`. */
export function runCli(
  args: string[],
  env: Record<string, string | undefined>,
  killAfterMs = 45_000,
  onStderr?: (text: string) => void,
): Promise<Exit> {
  const started = Date.now();
  const child = spawn(process.execPath, ['bin/scoreline.js', ...args], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      SCORELINE_LOG_LEVEL: 'info',
      REDIS_URL: undefined,
      DATABASE_URL: undefined,
      SCORELINE_SHARED_DATA: sharedDataDir(),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
    onStderr?.(stderr);
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  return new Promise((resolve) =>
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started });
    }));
}

/**
 * A fake OpenAI-compatible server on 127.0.0.1: `/ok/<ms>/v1` answers 2-1
 * after <ms>, `/500/v1` answers HTTP 500.
 */
export async function startFakeLlm(): Promise<{ port: number; calls: string[]; close: () => Promise<void> }> {
  const calls: string[] = [];
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      calls.push(req.url ?? '');
      const parts = (req.url ?? '').split('/');
      if (parts[1] === '500') {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end('{"error":"boom"}');
        return;
      }
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ choices: [{ index: 0, message: { role: 'assistant', content: '{"home_goals": 2, "away_goals": 1}' }, finish_reason: 'stop' }] }));
      }, Number(parts[2] ?? 0));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    calls,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** The openfootball Premier League files of two seasons. */
export const PREMIER_LEAGUE_FILES = ['2024-25', '2025-26'].map((season) =>
  path.join(sharedDataDir(), 'openfootball', season, 'en.1.json'));

/** A TCP server on 127.0.0.1 that accepts connections and never answers. */
export async function startBlackhole(): Promise<{
  port: number;
  close: () => Promise<void>;
}> {
  const sockets: net.Socket[] = [];
  const server = net.createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) =>
    server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }),
  };
}

/**
 * A roster of the Elo baseline and one LLM on a fake provider at `baseUrl`,
 * in a temporary folder; `remove` deletes it.
 */
export function writeEloAndLlmRoster(
  baseUrl: string,
  timeoutMs: number,
): { file: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'scoreline-roster-'));
  const file = path.join(dir, 'roster.json');
  writeFileSync(file, JSON.stringify({
    providers: [{ id: 'fake', baseUrl, timeoutMs }],
    models: [
      { id: 'elo', provider: 'baseline', model: 'elo', displayName: 'Elo' },
      { id: 'fake-llm', provider: 'fake', model: 'f', displayName: 'Fake' },
    ],
  }));
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
