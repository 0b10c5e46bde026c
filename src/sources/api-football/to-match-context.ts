import type {
  FormEntry,
  HeadToHeadEntry,
  MarketOdds,
  MatchContext,
  TeamContext,
} from '../../core/types.ts';
import { listMissing } from '../../analysis/analysis-completeness.ts';
import { canonicalTeamName } from '../../import/team-aliases.ts';
import type { SourceContextAtKickoff } from './fetch-context-at-kickoff.ts';
import type { SourceFixture } from './map-fixture.ts';
import { injuryLines, type SourceInjury } from './map-injuries.ts';
import type { SourceOdds } from './map-odds.ts';
import { API_FOOTBALL_COMPETITIONS } from './store-fixtures.ts';

/** The stored match an analysis is about, and its API-Football ids. */
export interface MatchToAnalyse {
  matchId: number;
  /** The API-Football fixture id. */
  fixtureId: number;
  competitionId: string;
  season: string;
  round: string | null;
  /** ISO instant. */
  kickoff: string;
  kickoffTimeKnown: boolean;
  home: { teamId: number; name: string; sourceTeamId: number };
  away: { teamId: number; name: string; sourceTeamId: number };
}

/**
 * Scoreline's analysis of a match from API-Football's context as of its
 * kickoff. `matchIds` maps fixture ids to stored match ids; form and
 * head-to-head entries of fixtures not stored carry match id 0 (known
 * shortcoming: the analysis does not store the fixtures it reads). The
 * missing fields are those of listMissing plus what cutAtKickoff could not
 * date (such as the provider's prediction).
 */
export function toMatchContext(
  match: MatchToAnalyse,
  source: SourceContextAtKickoff,
  matchIds: ReadonlyMap<number, number>,
): MatchContext {
  const idOf = (fixture: SourceFixture) =>
    matchIds.get(fixture.fixtureId) ?? 0;
  const table = new Map(
    (source.table?.lines ?? []).map((l) => [l.teamId, l.line]),
  );
  const team = (
    side: MatchToAnalyse['home'],
    form: SourceFixture[],
  ): TeamContext => ({
    teamId: side.teamId,
    name: side.name,
    form: form.map((f) => formEntry(f, side.sourceTeamId, idOf(f))),
    table: table.get(side.sourceTeamId) ?? null,
  });
  const context: Omit<MatchContext, 'missing'> = {
    matchId: match.matchId,
    competitionId: match.competitionId,
    season: match.season,
    round: match.round,
    kickoff: match.kickoff,
    kickoffTimeKnown: match.kickoffTimeKnown,
    asOf: match.kickoff,
    tableSize: table.size,
    home: team(match.home, source.homeForm),
    away: team(match.away, source.awayForm),
    headToHead: source.headToHead.map((f) => headToHeadEntry(f, idOf(f))),
    odds: chooseOdds(source.odds),
    injuries: source.injuries ? injuryTexts(match, source.injuries) : null,
  };
  const missing = listMissing(context);
  for (const field of source.missing) {
    // cutAtKickoff names the whole table; listMissing names each side.
    if (field !== 'table' && !missing.includes(field)) missing.push(field);
  }
  return { ...context, missing };
}

/** Each side's injuries, such as `Liverpool FC: J. Gomez (...)`. */
function injuryTexts(
  match: MatchToAnalyse,
  injuries: readonly SourceInjury[],
): string[] {
  return [match.home, match.away].flatMap((side) =>
    injuryLines(injuries, match.fixtureId, side.sourceTeamId).map(
      (line) => `${side.name}: ${line}`,
    ),
  );
}

function formEntry(
  fixture: SourceFixture,
  sourceTeamId: number,
  matchId: number,
): FormEntry {
  const atHome = fixture.home.id === sourceTeamId;
  const score = fixture.score!;
  const goalsFor = atHome ? score.home : score.away;
  const goalsAgainst = atHome ? score.away : score.home;
  return {
    matchId,
    kickoff: fixture.kickoff.toISOString(),
    competitionId: competitionOf(fixture),
    opponent: nameOf(atHome ? fixture.away.name : fixture.home.name),
    venue: atHome ? 'home' : 'away',
    goalsFor,
    goalsAgainst,
    result: goalsFor > goalsAgainst ? 'W' : goalsFor < goalsAgainst ? 'L'
      : 'D',
  };
}

function headToHeadEntry(
  fixture: SourceFixture,
  matchId: number,
): HeadToHeadEntry {
  return {
    matchId,
    kickoff: fixture.kickoff.toISOString(),
    competitionId: competitionOf(fixture),
    homeTeam: nameOf(fixture.home.name),
    awayTeam: nameOf(fixture.away.name),
    homeGoals: fixture.score!.home,
    awayGoals: fixture.score!.away,
  };
}

/**
 * One bookmaker's odds, chosen as the offline source does for Bet365
 * first, else the first bookmaker by name (the API has no market average).
 */
function chooseOdds(odds: readonly SourceOdds[]): MarketOdds | null {
  const sorted = [...odds].sort((a, b) => {
    const rank = (o: SourceOdds) => (o.bookmaker === 'Bet365' ? 0 : 1);
    return rank(a) - rank(b) || (a.bookmaker < b.bookmaker ? -1 : 1);
  });
  const best = sorted[0];
  if (!best) return null;
  const { bookmaker, home, draw, away, over25, under25 } = best;
  return { bookmaker, home, draw, away, over25, under25 };
}

/** The tracked competition's id, else `api-football:<league id>`. */
function competitionOf(fixture: SourceFixture): string {
  return (
    API_FOOTBALL_COMPETITIONS[fixture.league.id] ??
    `api-football:${fixture.league.id}`
  );
}

function nameOf(apiName: string): string {
  return canonicalTeamName(apiName) ?? apiName;
}
