/**
 * Every team name the sources use, by canonical name. The canonical name is
 * the openfootball club name without the Champions League country code
 * (`Arsenal FC (ENG)` -> `Arsenal FC`). Aliases are football-data.co.uk
 * short names and API-Football names. Add a missing name here: an unknown
 * name in a file stops the import.
 */
export const TEAM_ALIASES: Readonly<Record<string, readonly string[]>> = {
  // England
  'AFC Bournemouth': ['Bournemouth'],
  'Arsenal FC': ['Arsenal'],
  'Aston Villa FC': ['Aston Villa'],
  'Brentford FC': ['Brentford'],
  'Brighton & Hove Albion FC': ['Brighton', 'Brighton & Hove Albion'],
  'Burnley FC': ['Burnley'],
  'Chelsea FC': ['Chelsea'],
  'Crystal Palace FC': ['Crystal Palace'],
  'Everton FC': ['Everton'],
  'Fulham FC': ['Fulham'],
  'Ipswich Town FC': ['Ipswich', 'Ipswich Town'],
  'Leeds United FC': ['Leeds', 'Leeds United'],
  'Leicester City FC': ['Leicester', 'Leicester City'],
  'Liverpool FC': ['Liverpool'],
  'Luton Town FC': ['Luton', 'Luton Town'],
  'Manchester City FC': ['Man City', 'Manchester City'],
  'Manchester United FC': ['Man United', 'Manchester United', 'Man Utd'],
  'Newcastle United FC': ['Newcastle', 'Newcastle United'],
  'Norwich City FC': ['Norwich', 'Norwich City'],
  'Nottingham Forest FC': ["Nott'm Forest", 'Nottingham Forest'],
  'Sheffield United FC': ['Sheffield United', 'Sheffield Utd'],
  'Southampton FC': ['Southampton'],
  'Sunderland AFC': ['Sunderland'],
  'Tottenham Hotspur FC': ['Tottenham', 'Tottenham Hotspur'],
  'Watford FC': ['Watford'],
  'West Ham United FC': ['West Ham', 'West Ham United'],
  'Wolverhampton Wanderers FC': ['Wolves', 'Wolverhampton Wanderers'],

  // Germany
  '1. FC Heidenheim 1846': ['Heidenheim', 'FC Heidenheim', '1. FC Heidenheim'],
  '1. FC Köln': ['FC Koln', 'Koln', '1.FC Köln', '1. FC Koln'],
  '1. FC Union Berlin': ['Union Berlin'],
  '1. FSV Mainz 05': ['Mainz', 'FSV Mainz 05', 'Mainz 05'],
  'Bayer 04 Leverkusen': ['Leverkusen', 'Bayer Leverkusen'],
  'Borussia Dortmund': ['Dortmund'],
  'Borussia Mönchengladbach': ["M'gladbach", 'Borussia Monchengladbach'],
  'Eintracht Frankfurt': ['Ein Frankfurt'],
  'FC Augsburg': ['Augsburg'],
  'FC Bayern München': ['Bayern Munich', 'Bayern München'],
  'FC St. Pauli 1910': ['St Pauli', 'FC St. Pauli'],
  'Hamburger SV': ['Hamburg'],
  'Holstein Kiel': ['Holstein Kiel'],
  'RB Leipzig': ['RB Leipzig'],
  'SC Freiburg': ['Freiburg'],
  'SV Darmstadt 98': ['Darmstadt'],
  'SV Werder Bremen': ['Werder Bremen'],
  'TSG 1899 Hoffenheim': ['Hoffenheim', '1899 Hoffenheim'],
  'VfB Stuttgart': ['Stuttgart'],
  'VfL Bochum 1848': ['Bochum', 'Vfl Bochum', 'VfL Bochum'],
  'VfL Wolfsburg': ['Wolfsburg'],

  // Spain
  'Athletic Club': ['Ath Bilbao', 'Athletic Bilbao'],
  'CA Osasuna': ['Osasuna'],
  'Club Atlético de Madrid': ['Ath Madrid', 'Atletico Madrid'],
  'Deportivo Alavés': ['Alaves'],
  'Elche CF': ['Elche'],
  'FC Barcelona': ['Barcelona'],
  'Getafe CF': ['Getafe'],
  'Girona FC': ['Girona'],
  'Levante UD': ['Levante'],
  'RC Celta de Vigo': ['Celta', 'Celta Vigo'],
  'RCD Espanyol de Barcelona': ['Espanol', 'Espanyol'],
  'RCD Mallorca': ['Mallorca'],
  'Rayo Vallecano de Madrid': ['Vallecano', 'Rayo Vallecano'],
  'Real Betis Balompié': ['Betis', 'Real Betis'],
  'Real Madrid CF': ['Real Madrid'],
  'Real Oviedo': ['Oviedo'],
  'Real Sociedad de Fútbol': ['Sociedad', 'Real Sociedad'],
  'Sevilla FC': ['Sevilla'],
  'Valencia CF': ['Valencia'],
  'Villarreal CF': ['Villarreal'],

  // Italy
  'AC Milan': ['Milan'],
  'AC Pisa 1909': ['Pisa'],
  'ACF Fiorentina': ['Fiorentina'],
  'AS Roma': ['Roma'],
  'Atalanta BC': ['Atalanta'],
  'Bologna FC 1909': ['Bologna'],
  'Cagliari Calcio': ['Cagliari'],
  'Como 1907': ['Como'],
  'FC Internazionale Milano': ['Inter'],
  'Genoa CFC': ['Genoa'],
  'Hellas Verona FC': ['Verona', 'Hellas Verona'],
  'Juventus FC': ['Juventus'],
  'Parma Calcio 1913': ['Parma'],
  'SS Lazio': ['Lazio'],
  'SSC Napoli': ['Napoli'],
  'Torino FC': ['Torino'],
  'US Cremonese': ['Cremonese'],
  'US Lecce': ['Lecce'],
  'US Sassuolo Calcio': ['Sassuolo'],
  'Udinese Calcio': ['Udinese'],

  // Elsewhere (Champions League)
  'AC Sparta Praha': ['Sparta Praha'],
  'AS Monaco FC': ['Monaco'],
  'BSC Young Boys': ['Young Boys'],
  'Celtic FC': ['Celtic'],
  'Club Brugge KV': ['Club Brugge'],
  'FC Porto': ['Porto'],
  'FC Red Bull Salzburg': ['Red Bull Salzburg'],
  'FK Crvena Zvezda': ['Crvena Zvezda'],
  'FK Shakhtar Donetsk': ['Shakhtar Donetsk'],
  'Feyenoord Rotterdam': ['Feyenoord'],
  'GNK Dinamo Zagreb': ['Dinamo Zagreb'],
  'Lille OSC': ['Lille'],
  'PSV': ['PSV Eindhoven'],
  'Paris Saint-Germain FC': ['Paris Saint Germain', 'Paris SG'],
  'SK Sturm Graz': ['Sturm Graz'],
  'Sport Lisboa e Benfica': ['Benfica'],
  'Sporting Clube de Portugal': ['Sporting CP'],
  'Stade Brestois 29': ['Brest'],
  'ŠK Slovan Bratislava': ['Slovan Bratislava'],
};

const UCL_COUNTRY_CODE = / \([A-Z]{3}\)$/;

const byAlias = new Map<string, string>();
for (const [canonical, aliases] of Object.entries(TEAM_ALIASES)) {
  byAlias.set(canonical, canonical);
  for (const alias of aliases) byAlias.set(alias, canonical);
}

/**
 * The canonical name of a team name from any source, or null when the name
 * is not in TEAM_ALIASES. A Champions League country code is ignored.
 */
export function canonicalTeamName(alias: string): string | null {
  return (
    byAlias.get(alias) ??
    byAlias.get(alias.replace(UCL_COUNTRY_CODE, '')) ??
    null
  );
}

/** The canonical name and every alias of it in TEAM_ALIASES. */
export function aliasesOf(canonical: string): string[] {
  return [...new Set([canonical, ...(TEAM_ALIASES[canonical] ?? [])])];
}
