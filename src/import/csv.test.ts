import { describe, expect, it } from 'vitest';
import { formatCsv, parseCsv } from './csv.ts';

describe('parseCsv', () => {
  it('reads CRLF lines and drops a byte order mark', () => {
    expect(parseCsv('\uFEFFDiv,Date\r\nE0,15/08/2025\r\n')).toEqual([
      ['Div', 'Date'],
      ['E0', '15/08/2025'],
    ]);
  });

  it('reads quoted fields with commas, quotes and line breaks', () => {
    expect(parseCsv('a,"b,c","say ""hi""","two\nlines"\n,\n')).toEqual([
      ['a', 'b,c', 'say "hi"', 'two\nlines'],
      ['', ''],
    ]);
  });

  it('keeps a last line without a line end and skips blank lines', () => {
    expect(parseCsv('x,y\n\n1,2')).toEqual([['x', 'y'], ['1', '2']]);
  });
});

describe('formatCsv', () => {
  it('quotes only fields that need it and writes null as empty', () => {
    expect(formatCsv(['round', 'n'], [['Finals, Final', null],
      ['say "hi"', 3]])).toBe(
      'round,n\n"Finals, Final",\n"say ""hi""",3\n',
    );
  });

  it('gives back what parseCsv reads', () => {
    const rows = [['a', 'b,c'], ['"q"', 'line\nbreak']];
    const [header, ...rest] = parseCsv(formatCsv(rows[0]!, rows.slice(1)));
    expect([header, ...rest]).toEqual(rows);
  });
});
