/**
 * A small CSV reader and writer (RFC 4180): quoted fields with commas,
 * doubled quotes and line breaks; CRLF or LF line ends; a UTF-8 byte order
 * mark at the start is dropped.
 */

/** The rows of a CSV text; blank lines are left out. */
export function parseCsv(text: string): string[][] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;

  const endRow = () => {
    row.push(field);
    field = '';
    if (row.length > 1 || row[0] !== '') rows.push(row);
    row = [];
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
      else field += char;
      i += 1;
      continue;
    }
    if (char === '"' && field === '') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && input[i + 1] === '\n') {
      endRow();
      i += 1;
    } else if (char === '\n' || char === '\r') endRow();
    else field += char;
    i += 1;
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
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
