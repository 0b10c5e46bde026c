import type { ReceivedRequest, Reply } from './replay-server.ts';
import { loadRecordedResponses } from './recorded-responses.ts';

/** The parts of a recorded fixture the archive filters on. */
interface RawItem {
  fixture: { id: number; status: { short: string } };
  league: { id: number; season: number };
  teams: { home: { id: number }; away: { id: number } };
}

const FINISHED = new Set(['FT', 'AET', 'PEN']);

/**
 * Every fixture of the recorded files, one per id (a finished recording
 * wins over an earlier one of the same fixture). The provider answers
 * queries the recordings do not hold one by one (a team's season, a
 * league's season, two teams' meetings, a fixture by id) from its whole
 * database; the archive answers them from what was recorded, which is a
 * real but partial view: a team's season holds only its recorded matches.
 */
export function recordedFixtures(): RawItem[] {
  const byId = new Map<number, RawItem>();
  for (const recorded of loadRecordedResponses()) {
    if (!recorded.get.startsWith('fixtures')) continue;
    const items = recorded.envelope.response as RawItem[];
    for (const item of items) {
      const known = byId.get(item.fixture.id);
      if (!known || !FINISHED.has(known.fixture.status.short)) {
        byId.set(item.fixture.id, item);
      }
    }
  }
  return [...byId.values()];
}

/**
 * A replay-server handler answering fixture queries by id, by team and
 * season, by league and season, and head-to-head from the archive; other
 * requests fall through to the recordings (or an empty answer).
 */
export function archiveHandler(
  items: readonly RawItem[] = recordedFixtures(),
): (request: ReceivedRequest) => Reply | undefined {
  return (request) => {
    const p = request.params;
    const plays = (item: RawItem, team: number) =>
      item.teams.home.id === team || item.teams.away.id === team;
    let found: RawItem[] | null = null;
    if (request.endpoint === 'fixtures' && p.id) {
      found = items.filter((i) => i.fixture.id === Number(p.id));
    } else if (request.endpoint === 'fixtures' && p.team && p.season) {
      found = items.filter(
        (i) => i.league.season === Number(p.season) && plays(i, Number(p.team)),
      );
    } else if (
      request.endpoint === 'fixtures' && p.league && p.season && !p.from
    ) {
      found = items.filter(
        (i) =>
          i.league.id === Number(p.league) &&
          i.league.season === Number(p.season),
      );
    } else if (request.endpoint === 'fixtures/headtohead' && p.h2h) {
      const [a, b] = p.h2h.split('-').map(Number);
      found = items.filter((i) => plays(i, a!) && plays(i, b!));
    }
    if (!found) return undefined;
    return {
      body: {
        get: request.endpoint,
        parameters: p,
        errors: [],
        results: found.length,
        paging: { current: 1, total: 1 },
        response: found,
      },
    };
  };
}
