// CSV output for the tables the app and CLI export (RFC 4180: comma-separated, CRLF line ends,
// fields quoted when they contain a comma, a quote, CR or LF, quotes doubled).

export type CsvCell = string | number | boolean | null | undefined;

/**
 * Formats one CSV document. Cells that a spreadsheet would run as a formula (starting with
 * `=`, `+`, `-`, `@`, tab or CR) get a leading apostrophe, because device names and profile
 * fields come from outside and a dropped file should not be able to run a formula.
 */
export function formatCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(formatCell).join(',')).join('\r\n') + '\r\n';
}

function formatCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  let text = String(cell);
  if (typeof cell === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
