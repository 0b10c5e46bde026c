import { and, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import type { Db } from './open-database.ts';
import { queryRows } from './query-rows.ts';
import { models } from './schema.ts';

/** A model row: roster fields and health. */
export type ModelRow = typeof models.$inferSelect;

/** What the roster says about one model. */
export interface RosterEntry {
  id: string;
  provider: string;
  apiModel: string;
  displayName: string;
  kind: 'llm' | 'baseline';
  active: boolean;
}

/**
 * Inserts or updates roster models (names, provider, active flag), keeping
 * their health columns as they are.
 */
export async function upsertModels(
  db: Db,
  entries: RosterEntry[],
  at: Date = new Date(),
): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insert(models)
    .values(entries.map((entry) => ({ ...entry, updatedAt: at })))
    .onConflictDoUpdate({
      target: models.id,
      set: {
        provider: sql`excluded.provider`,
        apiModel: sql`excluded.api_model`,
        displayName: sql`excluded.display_name`,
        kind: sql`excluded.kind`,
        active: sql`excluded.active`,
        updatedAt: sql`excluded.updated_at`,
      },
    });
}

/** Marks every active model not in `keepIds` inactive; returns their ids. */
export async function deactivateModelsExcept(
  db: Db,
  keepIds: string[],
  at: Date = new Date(),
): Promise<string[]> {
  const rows = await db
    .update(models)
    .set({ active: false, updatedAt: at })
    .where(
      keepIds.length > 0
        ? and(eq(models.active, true), notInArray(models.id, keepIds))
        : eq(models.active, true),
    )
    .returning({ id: models.id });
  return rows.map((row) => row.id);
}

/** Models that are active in the roster and not disabled, by id. */
export async function getActiveModels(db: Db): Promise<ModelRow[]> {
  return db
    .select()
    .from(models)
    .where(and(eq(models.active, true), isNull(models.disabledAt)))
    .orderBy(models.id);
}

/** Every model row, by id. */
export async function listModels(db: Db): Promise<ModelRow[]> {
  return db.select().from(models).orderBy(models.id);
}

/** A model answered: its run of failures ends. */
export async function recordSuccess(
  db: Db,
  modelId: string,
  at: Date = new Date(),
): Promise<void> {
  await db
    .update(models)
    .set({ consecutiveFailures: 0, lastSuccessAt: at, updatedAt: at })
    .where(eq(models.id, modelId));
}

/** Several models answered: one update for all (the stage's end). */
export async function recordSuccesses(
  db: Db,
  modelIds: string[],
  at: Date = new Date(),
): Promise<void> {
  if (modelIds.length === 0) return;
  await db
    .update(models)
    .set({ consecutiveFailures: 0, lastSuccessAt: at, updatedAt: at })
    .where(inArray(models.id, modelIds));
}

/** The health of a model after a failure. */
export interface FailureOutcome {
  consecutiveFailures: number;
  /** True when this failure disabled the model. */
  disabledNow: boolean;
}

/**
 * A model failed: counts the failure and, at `maxConsecutive` failures in
 * a row, disables the model (one atomic update, safe under concurrency).
 * Returns null when no such model exists.
 */
export async function recordFailure(
  db: Db,
  modelId: string,
  reason: string,
  maxConsecutive: number,
  at: Date = new Date(),
): Promise<FailureOutcome | null> {
  const disabledReason =
    `${maxConsecutive} failures in a row, the last: ${reason}`;
  // The row as it was before the update tells whether this call disabled
  // the model; RETURNING sees the old values through the join.
  const rows = await queryRows<FailureOutcome>(
    db,
    sql`with old as (
        select id, disabled_at,
          disabled_at is null
            and consecutive_failures + 1 >= ${maxConsecutive}::int as reaches
        from models where id = ${modelId} for update
      )
      update models as m set
        consecutive_failures = m.consecutive_failures + 1,
        last_error = ${reason},
        disabled_at = case when old.reaches
          then ${at.toISOString()}::timestamptz else m.disabled_at end,
        disabled_reason = case when old.reaches then ${disabledReason}
          else m.disabled_reason end,
        updated_at = ${at.toISOString()}::timestamptz
      from old
      where m.id = old.id
      returning m.consecutive_failures as "consecutiveFailures",
        old.reaches as "disabledNow"`,
  );
  return rows[0] ?? null;
}

/**
 * Enables a disabled model again and resets its count of failures.
 * Returns false when no such model exists.
 */
export async function enableModel(
  db: Db,
  modelId: string,
  at: Date = new Date(),
): Promise<boolean> {
  const rows = await db
    .update(models)
    .set({
      disabledAt: null,
      disabledReason: null,
      consecutiveFailures: 0,
      updatedAt: at,
    })
    .where(eq(models.id, modelId))
    .returning({ id: models.id });
  return rows.length > 0;
}
