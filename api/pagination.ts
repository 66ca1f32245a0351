import { badUserInput } from './errors.js';
import { INT4_MAX } from './row-id.js';

/** Opaque Relay cursors: base64url of the JSON of the sort key of the last row. */
export type CursorKey = readonly (string | number)[];

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** What a position of a cursor key holds: text (a code, a name), a row number or offset (int4, ≥ 0), or a bigint id as text. */
export type CursorPart = 'text' | 'int' | 'bigint';

function fits(value: unknown, part: CursorPart): boolean {
  if (part === 'int')
    return Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= INT4_MAX;
  if (part === 'bigint') return typeof value === 'string' && /^\d{1,18}$/.test(value);
  return typeof value === 'string' && value.length <= 1_000 && !value.includes('\u0000');
}

/**
 * The key of a cursor this API issued, of the given shape: a forged one (wrong types, an id past
 * int4, NUL bytes) is BAD_USER_INPUT naming the argument, never a database error.
 */
export function decodeCursor(cursor: string, shape: readonly CursorPart[], argument = 'after'): CursorKey {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === shape.length && shape.every((part, i) => fits(key[i], part))) {
      return key as CursorKey;
    }
  } catch {
    // fall through to the error below
  }
  throw badUserInput(
    argument,
    `Invalid cursor «${cursor.slice(0, 100)}»: pass an endCursor returned by this API`,
  );
}

/** Validates a page size against the cap; the default applies when `first` is absent. */
export function pageSize(first: number | null | undefined, defaultSize: number, cap: number): number {
  if (first === null || first === undefined) return Math.min(defaultSize, cap);
  if (!Number.isInteger(first) || first < 0 || first > cap) {
    throw badUserInput('first', `first must be between 0 and ${cap} (got ${first})`);
  }
  return first;
}
