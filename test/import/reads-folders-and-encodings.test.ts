/**
 * Collecting files to import: symbolic links in folders are followed (or
 * skipped with a reason, never dropped silently), and a data file that is
 * not UTF-8 is refused with advice on converting it. Real temporary
 * folders; no database.
 */
import {
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.ts';
import { makeLogger } from '../../src/core/logger.ts';
import { sharedDataDir } from '../../src/core/paths.ts';
import { collectImportFiles } from '../../src/import/collect-import-files.ts';
import { readOpenfootball } from '../../src/import/read-openfootball.ts';

const logger = makeLogger('silent');
const E0 = path.join(sharedDataDir(), 'football-data', 'E0-2024-25.csv');
const OPENFOOTBALL = path.join(sharedDataDir(), 'openfootball', '2024-25');

const BAYERN = {
  name: 'Deutsche Bundesliga 2025/26',
  matches: [{ round: 'Spieltag 1', date: '2025-08-22', time: '20:30',
    team1: 'FC Bayern München', team2: 'RB Leipzig', score: { ft: [6, 0] } }],
};

describe('symbolic links in a folder', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'scoreline-links-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('follows a link to a data file', () => {
    const folder = path.join(root, 'file-link');
    mkdirSync(folder);
    symlinkSync(E0, path.join(folder, 'E0-2024-25.csv'));
    const { files, skipped } = collectImportFiles([folder], logger);
    expect(files.map((f) => [f.kind, path.basename(f.file)]))
      .toEqual([['football-data', 'E0-2024-25.csv']]);
    expect(skipped).toEqual([]);
  });

  it('follows a link to a folder and walks a link loop once', () => {
    const folder = path.join(root, 'folder-link');
    mkdirSync(folder);
    symlinkSync(OPENFOOTBALL, path.join(folder, '2024-25'));
    symlinkSync(folder, path.join(folder, 'loop'));
    const { files, skipped } = collectImportFiles([folder], logger);
    // 2024-25 holds en.1.json and uefa.cl.json.
    expect(files.map((f) => path.relative(folder, f.file))).toEqual([
      path.join('2024-25', 'en.1.json'),
      path.join('2024-25', 'uefa.cl.json'),
    ]);
    expect(skipped).toEqual([]);
  });

  it('counts a broken link as skipped, with the reason', () => {
    const folder = path.join(root, 'broken-link');
    mkdirSync(folder);
    const link = path.join(folder, 'E0-2099-00.csv');
    symlinkSync(path.join(root, 'gone.csv'), link);
    const { files, skipped } = collectImportFiles([folder], logger);
    expect(files).toEqual([]);
    expect(skipped).toEqual([{ file: link,
      reason: expect.stringMatching(/^broken symbolic link: ENOENT/) }]);
  });
});

describe('files that are not UTF-8', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'scoreline-encoding-'));
    mkdirSync(path.join(root, '2025-26'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const write = (name: string, bytes: Buffer) => {
    const file = path.join(root, name);
    writeFileSync(file, bytes);
    return file;
  };
  const json = JSON.stringify(BAYERN);

  const errorOf = (paths: string[]) => {
    try {
      collectImportFiles(paths, logger);
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      return (error as Error).message;
    }
    throw new Error('expected an InputError');
  };

  it('says a Latin-1 file is not UTF-8 instead of blaming TEAM_ALIASES',
    () => {
      const file = write(path.join('2025-26', 'de.1.json'),
        Buffer.from(json, 'latin1'));
      expect(errorOf([file])).toBe(`${file}: is not UTF-8 text; convert it with 'iconv -f LATIN1 -t UTF-8' (or save it as UTF-8) and import the converted file`);
      // Found in a folder it stops the import too.
      expect(errorOf([root])).toMatch(/de\.1\.json: is not UTF-8 text/);
    });

  it('says UTF-16, with or without a byte order mark', () => {
    const bom = write('with-bom.json',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]));
    const bare = write('bare.csv', Buffer.from('Div,Date\n', 'utf16le'));
    for (const file of [bom, bare]) {
      expect(errorOf([file])).toBe(`${file}: is not UTF-8 text (it looks like UTF-16); convert it with 'iconv -f UTF-16 -t UTF-8' (or save it as UTF-8) and import the converted file`);
    }
  });

  it('reads UTF-8 with a byte order mark', () => {
    const other = mkdtempSync(path.join(tmpdir(), 'scoreline-encoding-'));
    try {
      mkdirSync(path.join(other, '2025-26'));
      const file = path.join(other, '2025-26', 'de.1.json');
      writeFileSync(file, `\uFEFF${json}`);
      const [read] = collectImportFiles([file], logger).files;
      expect(read?.kind).toBe('openfootball');
      const matches = read?.kind === 'openfootball'
        ? readOpenfootball(read.file, read.json, []) : [];
      expect(matches.map((m) => [m.homeTeam, m.homeGoals])).toEqual([
        ['FC Bayern München', 6]]);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});
