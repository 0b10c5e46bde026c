import { sql } from 'drizzle-orm';
import type { MarketOdds } from '../core/types.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';

/**
 * The odds of one match: the market average (`avg`) when stored, else
 * Bet365 (`b365`), else the first other bookmaker by name. Null when the
 * match has no odds.
 */
export async function queryOdds(
  db: Db,
  matchId: number,
): Promise<MarketOdds | null> {
  const rows = await queryRows<MarketOdds>(
    db,
    sql`select bookmaker, home::float8 as home, draw::float8 as draw,
        away::float8 as away, over_2_5::float8 as over25,
        under_2_5::float8 as under25
      from match_odds
      where match_id = ${matchId}
      order by case lower(bookmaker) when 'avg' then 0
          when 'b365' then 1 else 2 end,
        bookmaker collate "C"
      limit 1`,
  );
  return rows[0] ?? null;
}
