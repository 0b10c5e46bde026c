import { writeFileSync } from 'node:fs';
import { InputError, UsageError, messageOf } from '../../core/errors.ts';
import { listMatches } from '../../db/matches.ts';
import { openDatabase, type Db } from '../../db/open-database.ts';
import { formatCsv } from '../../import/csv.ts';
import { localDateOf } from '../../import/time-zone.ts';
import type { Command } from '../command.ts';
import { parseOptions } from '../parse-options.ts';
import { predictionsExport } from '../../scoring/export-predictions.ts';

/**
 * One kind of export: its columns in order and a loader of rows. Every
 * value is a string, a number, a boolean or null, so that JSON and CSV
 * carry the same data.
 */
export interface ExportKind {
  columns: readonly string[];
  load(db: Db): Promise<Record<string, string | number | boolean | null>[]>;
}

/** Every match, kickoff in ISO UTC (only the local date when unknown). */
const matchesExport: ExportKind = {
  columns: [
    'id', 'competition', 'season', 'round', 'kickoff', 'kickoff_time_known',
    'home_team', 'away_team', 'status', 'home_goals', 'away_goals',
    'extra_time_home_goals', 'extra_time_away_goals',
    'penalty_home_goals', 'penalty_away_goals',
  ],
  async load(db) {
    const rows = await listMatches(db);
    return rows.map((match) => ({
      id: match.id,
      competition: match.competitionId,
      season: match.season,
      round: match.round,
      kickoff: match.kickoffTimeKnown
        ? match.kickoff.toISOString()
        : localDateOf(match.kickoff, match.timeZone),
      kickoff_time_known: match.kickoffTimeKnown,
      home_team: match.homeTeam,
      away_team: match.awayTeam,
      status: match.status,
      home_goals: match.homeGoals,
      away_goals: match.awayGoals,
      extra_time_home_goals: match.extraTimeHomeGoals,
      extra_time_away_goals: match.extraTimeAwayGoals,
      penalty_home_goals: match.penaltyHomeGoals,
      penalty_away_goals: match.penaltyAwayGoals,
    }));
  },
};

/** The kinds of `scoreline export <kind>`; add a kind here to export it. */
export const EXPORT_KINDS: Record<string, ExportKind> = {
  matches: matchesExport,
  predictions: predictionsExport,
};

/** The export as text in a format: a JSON array or CSV with a header. */
export function formatExport(
  kind: ExportKind,
  rows: Record<string, string | number | boolean | null>[],
  format: 'json' | 'csv',
): string {
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  return formatCsv([...kind.columns],
    rows.map((row) => kind.columns.map((column) => row[column])));
}

export const exportCommand: Command = {
  name: 'export',
  summary: 'export stored data as JSON or CSV',
  usage: 'scoreline export <kind> --format json|csv [--output FILE]',
  async run({ argv, stdout }) {
    const { values, positionals } = parseOptions(argv, {
      format: { type: 'string' },
      output: { type: 'string' },
    }, this.usage, true);
    const kinds = Object.keys(EXPORT_KINDS).join(', ');
    const [name, ...extra] = positionals;
    const kind = name ? EXPORT_KINDS[name] : undefined;
    if (!kind || extra.length > 0) {
      throw new UsageError(
        `name one export kind (${kinds}); usage: ${this.usage}`);
    }
    const format = values.format;
    if (format !== 'json' && format !== 'csv') {
      throw new UsageError(
        `--format must be json or csv; usage: ${this.usage}`);
    }

    const database = await openDatabase();
    let text: string;
    try {
      text = formatExport(kind, await kind.load(database.db), format);
    } finally {
      await database.close();
    }
    if (!values.output) {
      // The entry point exits right after; a large export to a pipe must be
      // flushed first or its end is lost.
      await new Promise<void>((resolve, reject) =>
        stdout.write(text, (error) => (error ? reject(error) : resolve())));
      return 0;
    }
    try {
      writeFileSync(values.output, text);
    } catch (error) {
      throw new InputError(
        `cannot write the export: ${messageOf(error)}; check --output`,
        values.output);
    }
    return 0;
  },
};
