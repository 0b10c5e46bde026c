import { sql, type SQL } from 'drizzle-orm';
import { TARGET } from './analysis-sql.ts';

/**
 * The odds of `target` as a JSON object: the market average (`avg`) when
 * stored, else Bet365 (`b365`), else the first other bookmaker by name in
 * byte order. Null when the match has no odds.
 */
export function oddsJson(): SQL {
  return sql`(select json_build_object(
        'bookmaker', o.bookmaker, 'home', o.home, 'draw', o.draw,
        'away', o.away, 'over25', o.over_2_5, 'under25', o.under_2_5)
      from match_odds o
      where o.match_id = ${TARGET}.id
      order by case lower(o.bookmaker) when 'avg' then 0
          when 'b365' then 1 else 2 end,
        o.bookmaker collate "C"
      limit 1)`;
}
