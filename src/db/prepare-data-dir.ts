import { mkdirSync, statfsSync, statSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, messageOf } from '../core/errors.ts';

/** Kernel pseudo file systems, where files are not storage. */
const PSEUDO_FILE_SYSTEMS = new Map<number, string>([
  [0x9fa0, 'proc'],
  [0x62656572, 'sysfs'],
]);

/**
 * Makes sure the embedded database folder exists and is a folder, creating
 * it when missing. A path that is (or lies under) a regular file, that
 * cannot be created, or that lies on /proc or /sys is a ConfigError naming
 * `SCORELINE_DATA_DIR`. The pseudo file system check comes first because
 * Node's recursive mkdir never returns on /proc.
 */
export function prepareDataDir(dataDir: string): void {
  const location = path.resolve(dataDir);
  const fix = 'set SCORELINE_DATA_DIR to a folder you can write to';
  const existing = nearestExisting(location);
  const kind = pseudoFileSystemOf(existing);
  if (kind) {
    throw new ConfigError(
      `SCORELINE_DATA_DIR ${location} is on the ${kind} pseudo file system; ${fix}`,
    );
  }
  if (!statSync(existing).isDirectory()) {
    const what = existing === location
      ? 'is a file'
      : `is under the file ${existing}`;
    throw new ConfigError(
      `SCORELINE_DATA_DIR ${location} ${what}, not a folder; ${fix}`,
    );
  }
  try {
    mkdirSync(location, { recursive: true });
  } catch (error) {
    throw new ConfigError(
      `cannot create SCORELINE_DATA_DIR ${location}: ${messageOf(error)}; ${fix}`,
    );
  }
}

/** The path itself or its nearest ancestor that exists. */
function nearestExisting(location: string): string {
  let current = path.resolve(location);
  for (;;) {
    try {
      statSync(current);
      return current;
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return current;
      current = parent;
    }
  }
}

function pseudoFileSystemOf(existing: string): string | undefined {
  try {
    return PSEUDO_FILE_SYSTEMS.get(statfsSync(existing).type);
  } catch {
    return undefined;
  }
}
