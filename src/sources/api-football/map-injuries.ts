import { z } from 'zod';

/** One item of the `injuries` response: a player missing or doubtful. */
export const injurySchema = z.object({
  player: z.object({
    id: z.number().int(),
    name: z.string(),
    type: z.string(),
    reason: z.string().nullable(),
  }),
  team: z.object({ id: z.number().int(), name: z.string() }),
  fixture: z.object({ id: z.number().int(), timestamp: z.number().int() }),
  league: z.object({ id: z.number().int(), season: z.number().int() }),
});

export type RawInjury = z.infer<typeof injurySchema>;

/** A player who misses or may miss one fixture. */
export interface SourceInjury {
  fixtureId: number;
  kickoff: Date;
  teamId: number;
  teamName: string;
  playerId: number;
  player: string;
  /** `Missing Fixture` or `Questionable`. */
  type: string;
  reason: string | null;
}

export function mapInjury(raw: RawInjury): SourceInjury {
  return {
    fixtureId: raw.fixture.id,
    kickoff: new Date(raw.fixture.timestamp * 1000),
    teamId: raw.team.id,
    teamName: raw.team.name,
    playerId: raw.player.id,
    player: raw.player.name,
    type: raw.player.type,
    reason: raw.player.reason,
  };
}

/**
 * The analysis lines of one team's injuries for one fixture, such as
 * `J. Gomez (Missing Fixture: Thigh Injury)`.
 */
export function injuryLines(
  injuries: readonly SourceInjury[],
  fixtureId: number,
  teamId: number,
): string[] {
  return injuries
    .filter((i) => i.fixtureId === fixtureId && i.teamId === teamId)
    .map((i) => `${i.player} (${i.type}${i.reason ? `: ${i.reason}` : ''})`);
}
