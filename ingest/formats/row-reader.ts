import { type HeaderMap } from './headers.js';
import { type BadRow, type Reason } from './types.js';
import { checkRange, EMPTY, MAX_YEAR, MIN_YEAR, parseDecimal, parseInteger, reason } from './values.js';

const BAD_YEAR = reason(`год вне ${MIN_YEAR}–${MAX_YEAR}`, `year outside ${MIN_YEAR}–${MAX_YEAR}`);

/**
 * Reads the cells of one row by field key and records every defect as a bad row. One instance per
 * file, reused for every row: validators call `start`, read, then look at `failed`.
 */
export class RowReader {
  line = 0;
  failed = false;
  private fields: readonly string[] = [];

  constructor(
    private readonly headers: HeaderMap,
    private readonly sink: { push(row: BadRow): unknown },
  ) {}

  start(fields: readonly string[], line: number): void {
    this.fields = fields;
    this.line = line;
    this.failed = false;
  }

  /** Whether the file has a column for the field. */
  has(key: string): boolean {
    return this.headers.index.has(key);
  }

  /** The trimmed cell text; '' when the column is absent or the row is short. */
  text(key: string): string {
    const column = this.headers.index.get(key);
    if (column === undefined) return '';
    const value = this.fields[column];
    return value === undefined ? '' : value.trim();
  }

  label(key: string): string {
    return this.headers.label.get(key) ?? key;
  }

  /** Records a defect of this row, at the column of `key` (or a label of several columns). */
  reject(key: string, why: Reason, value: string = this.text(key), column = this.label(key)): null {
    this.sink.push({ line: this.line, column, value, reason: why });
    this.failed = true;
    return null;
  }

  /** A required whole number within [min, max]. */
  integer(key: string, min: number, max = Infinity): number | null {
    const parsed = parseInteger(this.text(key));
    if (typeof parsed !== 'number') return this.reject(key, parsed);
    const ranged = checkRange(parsed, min, max);
    return typeof ranged === 'number' ? ranged : this.reject(key, ranged);
  }

  /** A whole number, or null when the cell is empty. */
  optionalInteger(key: string, min: number, max = Infinity): number | null {
    return this.text(key) === '' ? null : this.integer(key, min, max);
  }

  /** A required decimal within [min, max]. */
  decimal(key: string, min: number, max = Infinity): number | null {
    const parsed = parseDecimal(this.text(key));
    if (typeof parsed !== 'number') return this.reject(key, parsed);
    const ranged = checkRange(parsed, min, max);
    return typeof ranged === 'number' ? ranged : this.reject(key, ranged);
  }

  optionalDecimal(key: string, min: number, max = Infinity): number | null {
    return this.text(key) === '' ? null : this.decimal(key, min, max);
  }

  year(key = 'year'): number | null {
    const parsed = parseInteger(this.text(key));
    if (typeof parsed !== 'number') return this.reject(key, parsed);
    return parsed < MIN_YEAR || parsed > MAX_YEAR ? this.reject(key, BAD_YEAR) : parsed;
  }

  /** Required text. */
  required(key: string): string | null {
    const value = this.text(key);
    return value === '' ? this.reject(key, EMPTY) : value;
  }
}
