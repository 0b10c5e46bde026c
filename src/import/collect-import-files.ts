import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { InputError, messageOf } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';
import { parseCsv } from './csv.ts';
import { isFootballDataHeader } from './read-football-data.ts';
import { isOpenfootballShape } from './read-openfootball.ts';

/** A data file read into memory, with its shape. */
export type ImportFile =
  | { kind: 'openfootball'; file: string; json: unknown }
  | { kind: 'football-data'; file: string; text: string };

/**
 * Reads the files to import. A folder is walked for `*.json` in the
 * openfootball shape and `*.csv` in the football-data.co.uk shape; other
 * files in it are skipped with an info line. A file named explicitly must
 * have one of the two shapes. Openfootball files come first, so that odds
 * from football-data attach to known matches; each kind in path order.
 */
export function collectImportFiles(
  paths: string[],
  logger: Logger,
): { files: ImportFile[]; skipped: string[] } {
  const files: ImportFile[] = [];
  const skipped: string[] = [];
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
    for (const file of walk(given)) {
      const read = readImportFile(file, false);
      if (read) files.push(read);
      else {
        skipped.push(file);
        logger.info({ file }, 'skipped a file that is not a data file');
      }
    }
  }
  const order = (file: ImportFile) => (file.kind === 'openfootball' ? 0 : 1);
  files.sort((a, b) =>
    order(a) - order(b) || a.file.localeCompare(b.file));
  return { files, skipped };
}

function walk(folder: string): string[] {
  const found: string[] = [];
  const entries = readdirSync(folder, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) found.push(...walk(full));
    else if (entry.isFile()) found.push(full);
  }
  return found;
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
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read the file: ${messageOf(error)}`, file);
  }

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
