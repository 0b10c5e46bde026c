import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedDataDir } from '../core/paths.ts';
import { parseCsv } from './csv.ts';
import { canonicalTeamName } from './team-aliases.ts';

/** Every team name in the openfootball and football-data files. */
function namesInDataFiles(): string[] {
  const names = new Set<string>();
  const openfootball = path.join(sharedDataDir(), 'openfootball');
  for (const season of readdirSync(openfootball)) {
    if (!/^\d{4}-\d{2}$/.test(season)) continue;
    for (const file of readdirSync(path.join(openfootball, season))) {
      const json = JSON.parse(
        readFileSync(path.join(openfootball, season, file), 'utf8'),
      ) as { matches: { team1: string; team2: string }[] };
      for (const match of json.matches) {
        names.add(match.team1);
        names.add(match.team2);
      }
    }
  }
  const footballData = path.join(sharedDataDir(), 'football-data');
  for (const file of readdirSync(footballData)) {
    const [header, ...rows] = parseCsv(
      readFileSync(path.join(footballData, file), 'utf8'));
    const home = header!.indexOf('HomeTeam');
    const away = header!.indexOf('AwayTeam');
    for (const row of rows) {
      names.add(row[home]!);
      names.add(row[away]!);
    }
  }
  return [...names];
}

describe('canonicalTeamName', () => {
  it('knows every team name in the data files', () => {
    const names = namesInDataFiles();
    expect(names.length).toBeGreaterThan(150);
    expect(names.filter((name) => canonicalTeamName(name) === null))
      .toEqual([]);
  });

  it('maps short, API-Football and UCL names to the openfootball name', () => {
    const cases: [string, string][] = [
      ['Man United', 'Manchester United FC'],
      ["Nott'm Forest", 'Nottingham Forest FC'],
      ['Nottingham Forest', 'Nottingham Forest FC'],
      ['Wolves', 'Wolverhampton Wanderers FC'],
      ['Manchester City', 'Manchester City FC'],
      ["M'gladbach", 'Borussia Mönchengladbach'],
      ['Borussia Monchengladbach', 'Borussia Mönchengladbach'],
      ['Ein Frankfurt', 'Eintracht Frankfurt'],
      ['Bayern Munich', 'FC Bayern München'],
      ['1.FC Köln', '1. FC Köln'],
      ['Vfl Bochum', 'VfL Bochum 1848'],
      ['Arsenal FC (ENG)', 'Arsenal FC'],
      ['ŠK Slovan Bratislava (SVK)', 'ŠK Slovan Bratislava'],
    ];
    for (const [alias, canonical] of cases) {
      expect(canonicalTeamName(alias), alias).toBe(canonical);
    }
  });

  it('answers null for an unknown name', () => {
    expect(canonicalTeamName('Atlantis United')).toBeNull();
  });
});
