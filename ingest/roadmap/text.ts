/** The text rules shared by the roadmap table steps (SUPPORT-V1 §3). */

/**
 * The physical lines: split at LF, CRLF or CR. The terminator of the last line does not open one
 * more (empty) line, so a file ending in a newline has as many lines as an editor shows.
 */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** A cell trimmed, its whitespace runs (NBSP and other Unicode spaces too) collapsed to one space. */
export function normaliseCell(cell: string): string {
  return cell.replace(/\s+/g, ' ').trim();
}

/** The cells of a line: split at TAB, each normalised. A line without a TAB is one cell. */
export function splitCells(line: string): string[] {
  return line.split('\t').map(normaliseCell);
}

/** The comparison form of the header and school-executor rules: lower case, ё = е. */
export function fold(text: string): string {
  return text.toLowerCase().replaceAll('ё', 'е');
}
