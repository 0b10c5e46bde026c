import type {
  FormEntry,
  HeadToHeadEntry,
  MatchContext,
  RecordLine,
  TeamContext,
} from '../core/types.ts';
import { kickoffDayOf, localDayOf } from './match-day.ts';

/** A readable summary of an analysis for people, one fact per line. */
export function formatAnalysis(context: MatchContext): string {
  const { home, away } = context;
  const when = context.kickoffTimeKnown
    ? `${context.kickoff.slice(0, 16).replace('T', ' ')} UTC`
    : `${kickoffDayOf(context)} (time unknown)`;
  const round = context.round ? `, round ${context.round}` : '';
  const width = Math.max(home.name.length, away.name.length);
  const lines = [
    `match ${context.matchId}: ${home.name} v ${away.name}`,
    `${context.competitionId} ${context.season}${round}, kickoff ${when}`,
    `as of ${context.asOf}`,
    '',
    `table (${context.tableSize} teams)`,
    `  ${tableLine(home, width)}`,
    `  ${tableLine(away, width)}`,
    '',
    'form, newest first',
    `  ${home.name.padEnd(width)}  ${formLine(home.form)}`,
    `  ${away.name.padEnd(width)}  ${formLine(away.form)}`,
    '',
    `head-to-head (${context.headToHead.length})`,
    ...context.headToHead.map(headToHeadLine),
    '',
    oddsLine(context),
    `missing: ${context.missing.length ? context.missing.join(', ') : '-'}`,
  ];
  return `${lines.join('\n')}\n`;
}

function headToHeadLine(m: HeadToHeadEntry): string {
  // The day the meeting was played, also when its time is not known.
  return `  ${localDayOf(m.kickoff, m.competitionId)}  ${m.homeTeam} ` +
    `${m.homeGoals}-${m.awayGoals} ${m.awayTeam} (${m.competitionId})`;
}

function tableLine(team: TeamContext, width: number): string {
  const name = team.name.padEnd(width);
  const t = team.table;
  if (!t) return `${name}  no table line`;
  const gd = t.goalDifference > 0 ? `+${t.goalDifference}` : t.goalDifference;
  return `${name}  ${String(t.position).padStart(2)}.  P${t.played} ` +
    `W${t.won} D${t.drawn} L${t.lost}  ${t.goalsFor}:${t.goalsAgainst} ` +
    `(${gd})  ${t.points} pts  home ${record(t.home)}, ` +
    `away ${record(t.away)}`;
}

function record(r: RecordLine): string {
  return `${r.won}-${r.drawn}-${r.lost}`;
}

function formLine(form: FormEntry[]): string {
  if (form.length === 0) return 'no earlier result';
  return form
    .map((e) => `${e.result} ${e.goalsFor}-${e.goalsAgainst} ` +
      `${e.venue === 'home' ? 'v' : 'at'} ${e.opponent}`)
    .join(', ');
}

function oddsLine(context: MatchContext): string {
  const o = context.odds;
  if (!o) return 'odds: none stored';
  const ou = o.over25 !== null && o.under25 !== null
    ? `, over/under 2.5 ${o.over25.toFixed(2)}/${o.under25.toFixed(2)}`
    : '';
  return `odds (${o.bookmaker}): ${o.home.toFixed(2)} / ` +
    `${o.draw.toFixed(2)} / ${o.away.toFixed(2)}${ou}`;
}
