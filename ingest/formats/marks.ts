import { field } from './format.js';
import { type RowReader } from './row-reader.js';
import { countFromPercent, parseInteger, parsePercent, reason } from './values.js';
import { type FieldSpec } from './types.js';

/**
 * The mark columns «2 3 4 5» shared by ВПР and ОГЭ: counts, or (ФИС ОКО) percentages — per file
 * by the «%2 … %5» headers, per row by a value carrying «%» — converted to counts.
 */

const COUNT_KEYS = ['n2', 'n3', 'n4', 'n5'] as const;
const PERCENT_KEYS = ['p2', 'p3', 'p4', 'p5'] as const;

export const MARK_FIELDS: readonly FieldSpec[] = [
  ...COUNT_KEYS.map((key, i) => field(key, [String(i + 2), key], false)),
  ...PERCENT_KEYS.map((key, i) => field(key, [`%${i + 2}`, key], false)),
];

export type MarkCounts = [number, number, number, number];

/** Whether the file holds percentages (only «%2 … %5»), counts, or neither set whole (null). */
export function markColumns(has: (key: string) => boolean): 'counts' | 'percent' | null {
  if (COUNT_KEYS.every(has)) return 'counts';
  if (PERCENT_KEYS.every(has)) return 'percent';
  return null;
}

export const MISSING_MARK_COLUMNS = reason(
  'нет столбцов отметок «2», «3», «4», «5» (или «%2» … «%5»)',
  'the mark columns «2», «3», «4», «5» (or «%2» … «%5», n2…n5) are missing',
);

/** The four counts of the row, summing to `participants`; null (with the defect recorded) otherwise. */
export function readMarks(
  r: RowReader,
  participants: number | null,
  percentFile: boolean,
): MarkCounts | null {
  const keys = percentFile ? PERCENT_KEYS : COUNT_KEYS;
  // Plain loops: this runs for every row of a million-row file.
  const texts = [r.text(keys[0]), r.text(keys[1]), r.text(keys[2]), r.text(keys[3])];
  let percent = percentFile;
  for (const text of texts) if (text.endsWith('%')) percent = true;
  const values: number[] = [];
  for (let i = 0; i < 4; i++) {
    const text = texts[i] as string;
    const parsed = percent ? parsePercent(text) : parseInteger(text);
    if (typeof parsed !== 'number') r.reject(keys[i] as string, parsed, text);
    else if (parsed < 0) r.reject(keys[i] as string, reason('меньше 0', 'less than 0'), text);
    else values.push(parsed);
  }
  if (values.length < 4 || participants === null) return null;
  const counts = (percent ? values.map((p) => countFromPercent(p, participants)) : values) as MarkCounts;
  const sum = counts[0] + counts[1] + counts[2] + counts[3];
  if (sum === participants) return counts;
  const shown = texts.join('; ');
  const columns = keys.map((key) => r.label(key)).join(', ');
  return percent
    ? r.reject(
        keys[0],
        reason(
          `проценты дают ${counts.join(' + ')} = ${sum} участников, а не ${participants}`,
          `the percentages give ${counts.join(' + ')} = ${sum} participants, not ${participants}`,
        ),
        shown,
        columns,
      )
    : r.reject(
        keys[0],
        reason(
          `сумма отметок ${sum} не равна числу участников ${participants}`,
          `the marks sum to ${sum}, not to the ${participants} participants`,
        ),
        shown,
        columns,
      );
}
