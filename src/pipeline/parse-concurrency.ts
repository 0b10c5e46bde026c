import { UsageError } from '../core/errors.ts';
import { STAGES, isStage, type Stage } from './stages.ts';

/**
 * Reads `--concurrency`: one number for every queue (`4`), or per queue
 * (`predictions=8,analysis=2`); queues not named keep 1.
 */
export function parseConcurrency(
  value: string | undefined,
): Record<Stage, number> {
  const result: Record<Stage, number> = {
    analysis: 1,
    predictions: 1,
    settlement: 1,
  };
  if (value === undefined) return result;
  if (/^\d+$/.test(value)) {
    const n = positive(value);
    for (const stage of STAGES) result[stage] = n;
    return result;
  }
  for (const part of value.split(',')) {
    const [name, count] = part.split('=');
    if (!name || !isStage(name) || count === undefined) {
      throw new UsageError(
        `--concurrency '${value}' is not N or queue=N,...; queues are ${STAGES.join(', ')}`,
      );
    }
    result[name] = positive(count);
  }
  return result;
}

/** Reads `--queues`: a comma list of stage names (default all). */
export function parseQueues(value: string | undefined): Stage[] {
  if (value === undefined) return [...STAGES];
  const names = value.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !isStage(name));
  if (unknown.length > 0 || names.length === 0) {
    throw new UsageError(
      `--queues: unknown queue '${unknown.join(',')}'; use a comma list of ${STAGES.join(', ')}`,
    );
  }
  return [...new Set(names)] as Stage[];
}

function positive(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > 256) {
    throw new UsageError(
      `--concurrency '${text}' must be a whole number from 1 to 256`,
    );
  }
  return n;
}
