/**
 * What a region's clock shows at an instant, computed here with Intl alone (not with the export's
 * code): «02.12.2026 14:05», ISO 8601 with the offset, and the wall clock as UTC milliseconds
 * (how an XLSX date cell holds it).
 */
export function regionClock(
  at: Date,
  timeZone: string,
): { russian: string; iso: string; wallClockMs: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('ru-RU', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  ) as Record<string, string>;
  const { year, month, day, hour, minute, second } = parts;
  const offset = (parts.timeZoneName ?? 'GMT').replace('GMT', '') || '+00:00';
  return {
    russian: `${day}.${month}.${year} ${hour}:${minute}`,
    iso: `${year}-${month}-${day}T${hour}:${minute}:${second}${offset}`,
    wallClockMs: Date.UTC(
      Number(year),
      Number(month) - 1,
      Number(day),
      Number(hour),
      Number(minute),
      Number(second),
    ),
  };
}
