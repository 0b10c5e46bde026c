import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (where package.json is). */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The folder with the offline reference data: `SCORELINE_SHARED_DATA`, else
 * `../shared/data` beside the repository.
 */
export function sharedDataDir(): string {
  return (
    process.env.SCORELINE_SHARED_DATA ??
    path.resolve(REPO_ROOT, '..', 'shared', 'data')
  );
}
