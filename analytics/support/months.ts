import { firstOfMonth, lastOfMonth, parseIso } from './dates.js';

/** Nominative, genitive and prepositional forms of each month (январь / января / январе). */
const MONTH_FORMS: readonly (readonly [string, string, string])[] = [
  ['январь', 'января', 'январе'],
  ['февраль', 'февраля', 'феврале'],
  ['март', 'марта', 'марте'],
  ['апрель', 'апреля', 'апреле'],
  ['май', 'мая', 'мае'],
  ['июнь', 'июня', 'июне'],
  ['июль', 'июля', 'июле'],
  ['август', 'августа', 'августе'],
  ['сентябрь', 'сентября', 'сентябре'],
  ['октябрь', 'октября', 'октябре'],
  ['ноябрь', 'ноября', 'ноябре'],
  ['декабрь', 'декабря', 'декабре'],
];

const ANY_FORM = new Map<string, number>(
  MONTH_FORMS.flatMap((forms, i) => forms.map((form) => [form, i + 1] as const)),
);
const GENITIVE = new Map<string, number>(MONTH_FORMS.map((forms, i) => [forms[1], i + 1] as const));

/** 1 … 12 for a nominative, genitive or prepositional month form, else undefined. */
export const monthOfWord = (word: string): number | undefined => ANY_FORM.get(word);
/** 1 … 12 for a genitive month form («сентября»), as in «15 сентября 2020», else undefined. */
export const monthOfGenitive = (word: string): number | undefined => GENITIVE.get(word);

export interface MonthsDeadline {
  /** null when the text has no year and no periodStart is given. */
  start: string | null;
  due: string | null;
  /** True when the text has a year: fixed by the text alone, not resolved through the period. */
  explicit: boolean;
}

interface Item {
  month: number;
  year: number | undefined;
}

type Separator = 'RANGE' | 'LIST';

/** `[в] month [yyyy] (sep month [yyyy])*` over a normalised text, or null when it does not match. */
function tokenise(text: string): { items: Item[]; separators: Separator[] } | null {
  const body = text.startsWith('в ') ? text.slice(2) : text;
  const tokens = body
    .replace(/-/g, ' - ')
    .replace(/,/g, ' , ')
    .split(' ')
    .filter((token) => token !== '');
  const items: Item[] = [];
  const separators: Separator[] = [];
  let i = 0;
  for (;;) {
    const month = monthOfWord(tokens[i] ?? '');
    if (month === undefined) return null;
    i += 1;
    let year: number | undefined;
    const next = tokens[i];
    if (next !== undefined && /^\d{4}$/.test(next)) {
      year = Number(next);
      i += 1;
    }
    items.push({ month, year });
    const sep = tokens[i];
    if (sep === undefined) return { items, separators };
    if (sep === '-') separators.push('RANGE');
    else if (sep === ',' || sep === 'и') separators.push('LIST');
    else return null; // months with no separator (or anything else) after a month
    i += 1;
  }
}

/**
 * SUPPORT-V1 §2 **MONTHS** over a normalised text. Returns null when the text is not MONTHS (the
 * grammar fails, months follow each other with no separator, or a range runs backwards): the
 * caller makes it UNPARSED.
 *
 * Years: a year applies backwards to the yearless months before it (back to the previous year),
 * a month later than its successor taking year − 1 («ноябрь-январь 2024» = Nov 2023 … Jan 2024);
 * the yearless months after the last year go forwards, +1 when earlier than their predecessor.
 * With no year at all, the first month is its first occurrence on or after periodStart — the
 * month containing periodStart counts (periodStart 2020-09-10, «сентябрь» = September 2020) — and
 * the rest go forwards; without a periodStart such a text is still MONTHS, with null dates.
 */
export function parseMonths(text: string, periodStart: string | null): MonthsDeadline | null {
  const parsed = tokenise(text);
  if (!parsed) return null;
  const { items, separators } = parsed;
  const years: number[] = new Array<number>(items.length).fill(0);
  const monthAt = (i: number): number => items[i]?.month ?? 0;
  const yearAt = (i: number): number => years[i] ?? 0;

  let lastWithYear = -1;
  items.forEach((item, i) => {
    if (item.year !== undefined) lastWithYear = i;
  });
  let first: number;
  const explicit = lastWithYear >= 0;
  if (explicit) {
    for (let i = lastWithYear; i >= 0; i -= 1) {
      const own = items[i]?.year;
      years[i] = own ?? (monthAt(i) > monthAt(i + 1) ? yearAt(i + 1) - 1 : yearAt(i + 1));
    }
    first = lastWithYear + 1;
  } else {
    if (periodStart === null) return { start: null, due: null, explicit: false };
    const p = parseIso(periodStart);
    years[0] = monthAt(0) >= p.m ? p.y : p.y + 1;
    first = 1;
  }
  for (let i = first; i < items.length; i += 1) {
    years[i] = monthAt(i) < monthAt(i - 1) ? yearAt(i - 1) + 1 : yearAt(i - 1);
  }
  if (years.some((y) => y < 1 || y > 9999)) return null;

  const index = (i: number): number => yearAt(i) * 12 + monthAt(i) - 1;
  for (let k = 0; k < separators.length; k += 1) {
    if (separators[k] === 'RANGE' && index(k) > index(k + 1)) return null; // a backwards range
  }
  let lo = 0;
  let hi = 0;
  for (let i = 1; i < items.length; i += 1) {
    if (index(i) < index(lo)) lo = i;
    if (index(i) > index(hi)) hi = i;
  }
  return {
    start: firstOfMonth(yearAt(lo), monthAt(lo)),
    due: lastOfMonth(yearAt(hi), monthAt(hi)),
    explicit,
  };
}
