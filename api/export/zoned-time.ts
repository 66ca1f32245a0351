import { type ZonedInstant } from './table.js';

/** The wall clock of a zone at an instant: what a person in the region reads off the clock. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function wallClock({ at, timeZone }: ZonedInstant): WallClock {
  const parts = Object.fromEntries(
    formatterOf(timeZone)
      .formatToParts(at)
      .map((p) => [p.type, Number(p.value)]),
  ) as Record<string, number>;
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

const two = (n: number) => String(n).padStart(2, '0');

/**
 * The wall clock as a Date whose UTC fields are that clock: a spreadsheet has no time zones, and
 * exceljs writes a Date's UTC fields as the cell's serial, so the cell shows the region's clock.
 */
export function wallClockAsUtc(instant: ZonedInstant): Date {
  const c = wallClock(instant);
  return new Date(Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second));
}

/** «02.12.2026 14:05», as Russian Excel reads and shows a date and time. */
export function russianDateTime(instant: ZonedInstant): string {
  const c = wallClock(instant);
  return `${two(c.day)}.${two(c.month)}.${c.year} ${two(c.hour)}:${two(c.minute)}`;
}

/** ISO 8601 with the zone's offset at that instant: «2026-12-02T14:05:09+05:00». */
export function isoWithOffset(instant: ZonedInstant): string {
  const c = wallClock(instant);
  const wholeSeconds = Math.floor(instant.at.getTime() / 1000) * 1000;
  const offsetMinutes = Math.round((wallClockAsUtc(instant).getTime() - wholeSeconds) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return (
    `${c.year}-${two(c.month)}-${two(c.day)}T${two(c.hour)}:${two(c.minute)}:${two(c.second)}` +
    `${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`
  );
}

/** «UTC+05:00»: the offset, for a footer that says which clock its time is read from. */
export function offsetLabel(instant: ZonedInstant): string {
  return `UTC${isoWithOffset(instant).slice(-6)}`;
}
