/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD) as plain integers: no Date, no time zone. ISO
 * strings of 4-digit years compare correctly as strings, which min/max rely on.
 */

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** A real calendar day of years 1 … 9999. */
export function isValidYmd(y: number, m: number, d: number): boolean {
  return (
    Number.isInteger(y) &&
    Number.isInteger(m) &&
    Number.isInteger(d) &&
    y >= 1 &&
    y <= 9999 &&
    m >= 1 &&
    m <= 12 &&
    d >= 1 &&
    d <= daysInMonth(y, m)
  );
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export function isoDate(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** Parses YYYY-MM-DD; throws a RangeError on anything else or on a day that does not exist. */
export function parseIso(iso: string): Ymd {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const ymd = match ? { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) } : null;
  if (!ymd || !isValidYmd(ymd.y, ymd.m, ymd.d)) throw new RangeError(`not an ISO date: ${iso}`);
  return ymd;
}

export const firstOfMonth = (y: number, m: number): string => isoDate(y, m, 1);
export const lastOfMonth = (y: number, m: number): string => isoDate(y, m, daysInMonth(y, m));

export function previousDay(iso: string): string {
  const { y, m, d } = parseIso(iso);
  if (d > 1) return isoDate(y, m, d - 1);
  if (m > 1) return lastOfMonth(y, m - 1);
  return isoDate(y - 1, 12, 31);
}

export const minIso = (a: string, b: string): string => (a <= b ? a : b);
export const maxIso = (a: string, b: string): string => (a >= b ? a : b);
