import type { TableLine } from '../../core/types.ts';
import type { SourceInjury } from './map-injuries.ts';
import type { SourceOdds } from './map-odds.ts';
import type { SourcePrediction } from './map-prediction.ts';
import type { SourceStanding } from './map-standings.ts';
import type { RebuiltLine } from './rebuild-table.ts';

/** What the provider answered for one fixture, and when. */
export interface FetchedContext {
  kickoff: Date;
  /** When it was fetched; after kickoff makes the analysis retroactive. */
  fetchedAt: Date;
  odds: readonly SourceOdds[] | null;
  /** The provider's table, which is always its newest. */
  providerTable: readonly SourceStanding[] | null;
  /** The table rebuilt from results cut at kickoff, when fetched. */
  rebuiltTable: readonly RebuiltLine[] | null;
  injuries: readonly SourceInjury[] | null;
  /** The provider's forecast; leave it out when it was not asked for. */
  prediction?: SourcePrediction | null;
}

/** The part of a fetched context that was knowable before kickoff. */
export interface ContextAtKickoff {
  odds: SourceOdds[];
  table: {
    source: 'provider' | 'rebuilt';
    lines: { teamId: number; line: TableLine }[];
  } | null;
  injuries: SourceInjury[] | null;
  prediction: SourcePrediction | null;
  /** Fields that could not be reconstructed as of kickoff. */
  missing: string[];
  /** True when anything is missing: predictions from it stay flagged. */
  flagged: boolean;
}

/**
 * Keeps only what was knowable before kickoff. Before kickoff everything
 * fetched is current. After it (a retroactive analysis): odds count only
 * when last changed before kickoff; the provider's table only when it has
 * the same matches as the table rebuilt from results before kickoff,
 * otherwise the rebuilt one; injuries and the provider's prediction cannot
 * be dated, so they are dropped and recorded as missing.
 */
export function cutAtKickoff(fetched: FetchedContext): ContextAtKickoff {
  const retroactive = fetched.fetchedAt.getTime() > fetched.kickoff.getTime();
  const missing: string[] = [];

  const odds = (fetched.odds ?? []).filter(
    (o) => o.updatedAt.getTime() <= fetched.kickoff.getTime(),
  );
  if (odds.length === 0) missing.push('odds');

  const table = chooseTable(fetched, retroactive);
  if (!table) missing.push('table');

  const injuries = retroactive ? null : (fetched.injuries?.slice() ?? null);
  if (!injuries) missing.push('injuries');

  const prediction = retroactive ? null : (fetched.prediction ?? null);
  if (!prediction && fetched.prediction !== undefined) {
    missing.push('providerPrediction');
  }

  return {
    odds,
    table,
    injuries,
    prediction,
    missing,
    flagged: missing.length > 0,
  };
}

function chooseTable(
  fetched: FetchedContext,
  retroactive: boolean,
): ContextAtKickoff['table'] {
  const provider = fetched.providerTable;
  const rebuilt = fetched.rebuiltTable;
  if (provider && provider.length > 0) {
    if (!retroactive || (rebuilt && samePlayed(provider, rebuilt))) {
      return {
        source: 'provider',
        lines: provider.map(({ teamId, line }) => ({ teamId, line })),
      };
    }
  }
  if (rebuilt && rebuilt.length > 0) {
    return {
      source: 'rebuilt',
      lines: rebuilt.map(({ teamId, line }) => ({ teamId, line })),
    };
  }
  return null;
}

/** True when both tables count the same matches for every team. */
function samePlayed(
  provider: readonly SourceStanding[],
  rebuilt: readonly RebuiltLine[],
): boolean {
  const played = new Map(rebuilt.map((r) => [r.teamId, r.line.played]));
  return (
    provider.length === rebuilt.length &&
    provider.every((row) => played.get(row.teamId) === row.line.played)
  );
}
