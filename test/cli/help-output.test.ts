import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

/** The lines between "commands:" and the blank line after them. */
function commandLines(help: string): string[] {
  const lines = help.split('\n');
  const start = lines.indexOf('commands:') + 1;
  return lines.slice(start, lines.indexOf('', start));
}

describe('scoreline help', () => {
  it('with no command: the help on stderr, nothing on stdout, exit 2', async () => {
    const run = await runCli([], {});
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^usage: scoreline <command> \[options\]\n/);
  });

  it('asked for with --help: on stdout, exit 0', async () => {
    const run = await runCli(['--help'], {});
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^usage: scoreline <command> \[options\]\n/);
  });

  it('starts every summary in one column, sync-fixtures included', async () => {
    const { stdout } = await runCli(['--help'], {});
    const lines = commandLines(stdout);
    expect(lines.length).toBeGreaterThanOrEqual(12);
    const sync = lines.find((line) => line.startsWith('  sync-fixtures '));
    expect(sync).toBe(
      '  sync-fixtures  fetch fixtures and results from API-Football into the database');
    // Name, at least two spaces, summary: the summaries start where the
    // longest name (13 characters) plus the indent and two spaces end.
    for (const line of lines) {
      expect(line, line).toMatch(/^ {2}[a-z-]+ {2,}\S/);
      expect(line.slice(15, 17), line).toBe('  ');
      expect(line.slice(17, 18), line).not.toBe(' ');
    }
  });
});
