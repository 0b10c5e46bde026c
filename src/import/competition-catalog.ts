/** A competition the importers know, with the zone of its local times. */
export interface CompetitionInfo {
  id: string;
  name: string;
  /** IANA time zone of the local kick-off times in openfootball files. */
  timeZone: string;
  /**
   * True for cups, where two teams can meet more than once with the same
   * home team in one season: the round is then part of a match's identity.
   */
  cup: boolean;
}

/**
 * The competitions of the offline data. Champions League times in the
 * openfootball file are not venue-local, whatever its README says: every
 * English, Scottish and Portuguese home match is at 21:00, which is 20:00
 * there and 21:00 in Central Europe (Liverpool v Paris Saint-Germain,
 * 11 March 2025, kicked off 20:00 GMT). So the whole competition is read in
 * Central European time (Europe/Paris) instead of the home club's country
 * zone; the two differ only for clubs from the UK and Portugal.
 */
export const COMPETITIONS: readonly CompetitionInfo[] = [
  {
    id: 'en.1', name: 'Premier League', timeZone: 'Europe/London',
    cup: false,
  },
  { id: 'de.1', name: 'Bundesliga', timeZone: 'Europe/Berlin', cup: false },
  { id: 'es.1', name: 'La Liga', timeZone: 'Europe/Madrid', cup: false },
  { id: 'it.1', name: 'Serie A', timeZone: 'Europe/Rome', cup: false },
  {
    id: 'uefa.cl', name: 'UEFA Champions League', timeZone: 'Europe/Paris',
    cup: true,
  },
];

/** football-data.co.uk `Div` codes of the competitions above. */
export const FOOTBALL_DATA_DIVISIONS: Readonly<Record<string, string>> = {
  E0: 'en.1',
  D1: 'de.1',
  SP1: 'es.1',
  I1: 'it.1',
};

/** football-data.co.uk gives every league's times in UK local time. */
export const FOOTBALL_DATA_TIME_ZONE = 'Europe/London';

/** The competition with this id, or null. */
export function findCompetitionInfo(id: string): CompetitionInfo | null {
  return COMPETITIONS.find((competition) => competition.id === id) ?? null;
}
