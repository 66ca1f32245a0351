import { badUserInput } from './errors.js';

/** Opaque Relay cursors: base64url of the JSON of the sort key of the last row. */
export type CursorKey = readonly (string | number)[];

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string, argument = 'after'): CursorKey {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.every((v) => typeof v === 'string' || typeof v === 'number')) return key;
  } catch {
    // fall through to the error below
  }
  throw badUserInput(argument, `Invalid cursor «${cursor}»: pass an endCursor returned by this API`);
}

/** Validates a page size against the cap; the default applies when `first` is absent. */
export function pageSize(first: number | null | undefined, defaultSize: number, cap: number): number {
  if (first === null || first === undefined) return Math.min(defaultSize, cap);
  if (!Number.isInteger(first) || first < 0 || first > cap) {
    throw badUserInput('first', `first must be between 0 and ${cap} (got ${first})`);
  }
  return first;
}
