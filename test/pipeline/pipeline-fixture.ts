import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { pino } from 'pino';
import { sharedDataDir } from '../../src/core/paths.ts';
import type { Db } from '../../src/db/open-database.ts';
import { matches, teams } from '../../src/db/schema.ts';
import { importFiles } from '../../src/import/import-files.ts';
import { parseRoster } from '../../src/roster/load-roster.ts';
import type { Roster } from '../../src/roster/roster.ts';
import { syncRoster } from '../../src/roster/sync-roster.ts';
import {
  FakeLlmServer,
  completion,
  type FakeReply,
  type SeenRequest,
} from '../llm/fake-llm-server.ts';

export const silentLogger = pino({ level: 'silent' });

/** The real 2025-26 Premier League files: fixtures, results and odds. */
export function premierLeagueFiles(): string[] {
  const data = sharedDataDir();
  return [
    path.join(data, 'openfootball', '2025-26', 'en.1.json'),
    path.join(data, 'football-data', 'E0-2025-26.csv'),
  ];
}

/** Imports the 2025-26 Premier League into a test database. */
export async function importPremierLeague(db: Db): Promise<void> {
  await importFiles(db, premierLeagueFiles(), silentLogger);
}

/** The id of the match between two clubs (canonical openfootball names). */
export async function findMatchId(
  db: Db,
  homeName: string,
  awayName: string,
): Promise<number> {
  const home = alias(teams, 'home');
  const away = alias(teams, 'away');
  const rows = await db
    .select({ id: matches.id })
    .from(matches)
    .innerJoin(home, eq(home.id, matches.homeTeamId))
    .innerJoin(away, eq(away.id, matches.awayTeamId))
    .where(and(eq(home.name, homeName), eq(away.name, awayName)));
  const row = rows[0];
  if (!row) throw new Error(`no match ${homeName} v ${awayName}`);
  return row.id;
}

/**
 * Three LLMs on a local fake OpenAI-compatible server with fixed answers:
 * `llm-exact` says 2-0, `llm-tendency` 1-0 and `llm-draw` 1-1. A test can
 * hold the next request of `llm-exact` for a given home team.
 */
export class FakeRoster {
  readonly server: FakeLlmServer;
  readonly dir = mkdtempSync(path.join(tmpdir(), 'scoreline-roster-'));
  readonly file = path.join(this.dir, 'roster.json');
  private holds: {
    team: string;
    mode: 'hang' | 'slow';
    seen: () => void;
  }[] = [];

  constructor() {
    const answer = (home: number, away: number) => (): FakeReply => ({
      body: completion({ content: JSON.stringify({ home, away }) }),
    });
    this.server = new FakeLlmServer({
      'llm-exact': (request) => this.exact(request),
      'llm-tendency': answer(1, 0),
      'llm-draw': answer(1, 1),
    });
  }

  /** Starts the server and writes the roster file. */
  async start(): Promise<Roster> {
    const baseUrl = await this.server.start();
    const json = {
      providers: [{ id: 'fake', baseUrl, concurrency: 8, timeoutMs: 60_000 }],
      models: ['llm-exact', 'llm-tendency', 'llm-draw'].map((id) => ({
        id,
        provider: 'fake',
        model: id,
        displayName: id,
        active: true,
      })),
    };
    writeFileSync(this.file, JSON.stringify(json));
    return parseRoster(json, this.file, {});
  }

  /** Writes the roster's models into the database. */
  async sync(db: Db, roster: Roster): Promise<void> {
    await syncRoster(db, roster);
  }

  /**
   * The next `llm-exact` request for the match at home of `homeTeam`
   * (its canonical name) is held: for
   * ever (`hang`, until the client goes away) or 1.5 s (`slow`). Resolves
   * when that request has arrived.
   */
  hold(homeTeam: string, mode: 'hang' | 'slow'): Promise<void> {
    return new Promise<void>((seen) => {
      this.holds.push({ team: matchLine(homeTeam), mode, seen });
    });
  }

  /** Requests of a model for the match at home of `homeTeam`. */
  requestsFor(model: string, homeTeam: string): SeenRequest[] {
    const line = matchLine(homeTeam);
    return this.server
      .requestsOf(model)
      .filter((request) => JSON.stringify(request.body).includes(line));
  }

  async stop(): Promise<void> {
    await this.server.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private exact(request: SeenRequest): FakeReply {
    const text = JSON.stringify(request.body);
    const index = this.holds.findIndex((hold) => text.includes(hold.team));
    const reply = {
      body: completion({ content: JSON.stringify({ home: 2, away: 0 }) }),
    };
    const hold = this.holds[index];
    if (!hold) return reply;
    this.holds.splice(index, 1);
    hold.seen();
    if (hold.mode === 'hang') return { hang: true };
    return { ...reply, delayMs: 1500 };
  }
}

/** The prompt line that names a match by its home team. */
function matchLine(homeTeam: string): string {
  return `Match: ${homeTeam} (home)`;
}
