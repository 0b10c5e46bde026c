import { readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { InputError, messageOf } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';
import { parseCsv } from './csv.ts';
import { isFootballDataHeader } from './read-football-data.ts';
import { isOpenfootballShape } from './read-openfootball.ts';
import { readUtf8File } from './read-utf8-file.ts';

/** A data file read into memory, with its shape. */
export type ImportFile =
  | { kind: 'openfootball'; file: string; json: unknown }
  | { kind: 'football-data'; file: string; text: string };

/** A file found in a folder and left out, with the reason. */
export interface SkippedFile {
  file: string;
  reason: string;
}

/**
 * Reads the files to import. A folder is walked for `*.json` in the
 * openfootball shape and `*.csv` in the football-data.co.uk shape,
 * following symbolic links to files and folders (each real folder once);
 * other entries in it are skipped with an info line and a reason. A file
 * named explicitly must have one of the two shapes. Data files must be
 * UTF-8. Openfootball files come first, so that odds from football-data
 * attach to known matches; each kind in path order.
 */
export function collectImportFiles(
  paths: string[],
  logger: Logger,
): { files: ImportFile[]; skipped: SkippedFile[] } {
  const files: ImportFile[] = [];
  const skipped: SkippedFile[] = [];
  for (const given of paths) {
    let isFolder: boolean;
    try {
      isFolder = statSync(given).isDirectory();
    } catch {
      throw new InputError('no such file or folder; check the path', given);
    }
    if (!isFolder) {
      files.push(readImportFile(given, true)!);
      continue;
    }
    const found: string[] = [];
    walk(given, found, skipped, new Set());
    for (const file of found) {
      const read = readImportFile(file, false);
      if (read) files.push(read);
      else skipped.push({ file, reason: 'not a data file' });
    }
  }
  for (const { file, reason } of skipped) {
    logger.info({ file, reason }, 'skipped a file in a folder');
  }
  const order = (file: ImportFile) => (file.kind === 'openfootball' ? 0 : 1);
  files.sort((a, b) =>
    order(a) - order(b) || a.file.localeCompare(b.file));
  return { files, skipped };
}

/**
 * The files under a folder, in name order. Links are followed by what they
 * point to; a folder reached twice (a link loop) is walked once, and a
 * broken link or a special file is skipped with its reason.
 */
function walk(
  folder: string,
  found: string[],
  skipped: SkippedFile[],
  seen: Set<string>,
): void {
  const real = realpathSync(folder);
  if (seen.has(real)) return;
  seen.add(real);
  const entries = readdirSync(folder, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    let kind: 'folder' | 'file' | 'other';
    try {
      const stats = entry.isSymbolicLink() ? statSync(full) : entry;
      kind = stats.isDirectory() ? 'folder'
        : stats.isFile() ? 'file' : 'other';
    } catch (error) {
      skipped.push({ file: full,
        reason: `broken symbolic link: ${messageOf(error)}` });
      continue;
    }
    if (kind === 'folder') walk(full, found, skipped, seen);
    else if (kind === 'file') found.push(full);
    else skipped.push({ file: full, reason: 'not a regular file' });
  }
}

/**
 * The file with its shape; null when it has neither shape and was found
 * in a folder (named explicitly, that is an InputError).
 */
function readImportFile(file: string, explicit: boolean): ImportFile | null {
  const extension = path.extname(file).toLowerCase();
  if (extension !== '.json' && extension !== '.csv') {
    if (!explicit) return null;
    throw new InputError(
      'not a data file: expected an openfootball .json or a football-data.co.uk .csv',
      file,
    );
  }
  const text = readUtf8File(file);

  if (extension === '.csv') {
    const [header] = parseCsv(firstLine(text));
    if (isFootballDataHeader(header)) {
      return { kind: 'football-data', file, text };
    }
    if (!explicit) return null;
    throw new InputError(
      'not a football-data.co.uk results file: the header needs the columns Div, Date, HomeTeam, AwayTeam, FTHG, FTAG',
      file,
    );
  }

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError(`not valid JSON: ${messageOf(error)}`, file);
  }
  if (isOpenfootballShape(json)) return { kind: 'openfootball', file, json };
  if (!explicit) return null;
  throw new InputError(
    'not an openfootball competition file (expected "name" and "matches" with "team1" and "date"); check the path',
    file,
  );
}

function firstLine(text: string): string {
  const end = text.search(/\r?\n/);
  return end < 0 ? text : text.slice(0, end);
}
