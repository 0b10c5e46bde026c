import type { SourceFixture } from './map-fixture.ts';

/**
 * How long after its kickoff a result counts as known. Three hours covers
 * extra time and penalties; a match that kicked off later than that before
 * our kickoff could still have been running, so its result is left out.
 */
export const RESULT_KNOWN_AFTER_MS = 3 * 60 * 60 * 1000;

/** The match whose pre-kickoff context is being built. */
export interface KickoffCut {
  fixtureId: number;
  kickoff: Date;
}

/**
 * The finished fixtures whose result was known before the kickoff of `cut`,
 * newest first: the match itself, later meetings, matches still running at
 * kickoff and unfinished ones (postponed, cancelled, ...) are dropped. Use
 * it on head-to-head, form and table input alike; the API sends later
 * meetings and does not sort.
 */
export function fixturesBeforeKickoff(
  fixtures: readonly SourceFixture[],
  cut: KickoffCut,
): SourceFixture[] {
  const latest = cut.kickoff.getTime() - RESULT_KNOWN_AFTER_MS;
  return fixtures
    .filter(
      (fixture) =>
        fixture.fixtureId !== cut.fixtureId &&
        fixture.status === 'finished' &&
        fixture.score !== null &&
        fixture.kickoff.getTime() <= latest,
    )
    .sort((a, b) => b.kickoff.getTime() - a.kickoff.getTime());
}
