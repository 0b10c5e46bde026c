/**
 * A small CSV reader and writer (RFC 4180): quoted fields with commas,
 * doubled quotes and line breaks; CRLF or LF line ends; a UTF-8 byte order
 * mark at the start is dropped.
 */

/** The rows of a CSV text; blank lines are left out. */
export function parseCsv(text: string): string[][] {
  return parseCsvRecords(text).map((record) => record.cells);
}

/** One CSV row and the line of the text it starts on (from 1). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/**
 * The rows of a CSV text with the line each starts on, so that messages
 * name the right line even after blank lines or quoted line breaks.
 */
export function parseCsvRecords(text: string): CsvRecord[] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let i = 0;

  const endRow = () => {
    row.push(field);
    field = '';
    if (row.length > 1 || row[0] !== '') {
      records.push({ line: rowLine, cells: row });
    }
    row = [];
    rowLine = line + 1;
  };

  while (i < input.length) {
    const char = input[i]!;
    if (quoted) {
      if (char === '"' && input[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else {
        field += char;
        if (char === '\n' || (char === '\r' && input[i + 1] !== '\n')) {
          line += 1;
        }
      }
      i += 1;
      continue;
    }
    if (char === '"' && field === '') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && input[i + 1] === '\n') {
      endRow();
      line += 1;
      i += 1;
    } else if (char === '\n' || char === '\r') {
      endRow();
      line += 1;
    } else field += char;
    i += 1;
  }
  if (field !== '' || row.length > 0) endRow();
  return records;
}

/** One CSV field, quoted when it holds a comma, quote or line break. */
export function formatCsvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  if (!/[",\r\n]/.test(text)) return text;
  return `"${text.replaceAll('"', '""')}"`;
}

/** CSV text of a header and rows, LF line ends, a final line end. */
export function formatCsv(header: string[], rows: unknown[][]): string {
  const lines = [header, ...rows].map((cells) =>
    cells.map(formatCsvField).join(','));
  return `${lines.join('\n')}\n`;
}
