import { RoadmapLevel } from '../../../schema/enums.js';

/**
 * The options of a roadmap import given as text — `npm run import -- roadmap` (roadmap-cli.ts) and
 * `POST /import/roadmap` (api/import/roadmap-upload.ts) — read alike; each caller says what is wrong
 * in its own words (a usage line, a BAD_USER_INPUT). null: the text does not have the form. The
 * file's bytes are decoded by ingest/roadmap's decodeRoadmapText (UTF-8 or Windows-1251) for both.
 */

/** `MUNICIPALITY` (any case). */
export function roadmapLevelOf(text: string | undefined): RoadmapLevel | null {
  return Object.values(RoadmapLevel).find((l) => l === text?.toUpperCase()) ?? null;
}

/** `2020-09-01..2021-12-31`: the dates are checked by the import (isoDateArg). */
export function roadmapPeriodOf(text: string): { start: string; end: string } | null {
  const match = /^(\S+)\.\.(\S+)$/.exec(text);
  return match ? { start: match[1] ?? '', end: match[2] ?? '' } : null;
}

/** `01-10/142-2:2020-09-10`: the number may hold anything but its last colon. */
export function roadmapOrderOf(text: string): { number: string; date: string } | null {
  const at = text.lastIndexOf(':');
  return at > 0 ? { number: text.slice(0, at), date: text.slice(at + 1) } : null;
}
