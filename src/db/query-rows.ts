import type { SQL } from 'drizzle-orm';
import type { Db } from './open-database.ts';

/**
 * Runs raw SQL and returns its rows, the same on PostgreSQL and PGlite.
 * Cast in SQL what the two drivers would parse differently: counts and
 * sums to `::int` or `::float8`, and never select a `date` column as is
 * (node-postgres reads it in the process time zone).
 */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
