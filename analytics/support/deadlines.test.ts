import { describe, expect, it } from 'vitest';
import { parseDeadline, type DeadlinePeriod } from './deadlines.js';
import { SUPPORT_V1, type SupportParams } from './params.js';

/** Seed 001's derived period (SUPPORT-V1 §2, §3). */
const P: DeadlinePeriod = { start: '2020-09-01', end: '2021-12-31' };

const NOTHING = { start: null, due: null, explicit: false, startForPeriod: null };

describe('parseDeadline: Seed 001 with P = 2020-09-01 … 2021-12-31 (SUPPORT-V1 §2)', () => {
  it.each([
    ['сентябрь 2020 года', '2020-09-01', '2020-09-30'],
    ['сентябрь- октябрь 2020 года', '2020-09-01', '2020-10-31'],
    ['сентябрь-октябрь 2020 года', '2020-09-01', '2020-10-31'],
    ['октябрь 2020 года', '2020-10-01', '2020-10-31'],
    ['октябрь-ноябрь 2020 года', '2020-10-01', '2020-11-30'],
    ['январь-февраль 2021 года', '2021-01-01', '2021-02-28'],
    ['январь-май 2021 года', '2021-01-01', '2021-05-31'],
    ['март 2021 года', '2021-03-01', '2021-03-31'],
    ['сентябрь- декабрь 2021 года', '2021-09-01', '2021-12-31'],
  ])('«%s» is MONTHS %s … %s, explicit', (text, start, due) => {
    expect(parseDeadline(text, P)).toEqual({
      kind: 'MONTHS',
      start,
      due,
      explicit: true,
      startForPeriod: start,
      normalised: expect.any(String),
    });
  });

  it('«сентябрь» + «2020 года», joined by the import as «сентябрь 2020 года» (activity 6)', () => {
    const joined = `${'сентябрь'} ${'2020 года'}`;
    expect(joined).toBe('сентябрь 2020 года');
    expect(parseDeadline(joined, P)).toMatchObject({
      kind: 'MONTHS',
      start: '2020-09-01',
      due: '2020-09-30',
      explicit: true,
    });
  });

  it('«в течение года» is PERIOD_YEAR 2020-09-01 … 2021-08-31', () => {
    expect(parseDeadline('в течение года', P)).toMatchObject({
      kind: 'PERIOD_YEAR',
      start: '2020-09-01',
      due: '2021-08-31',
      explicit: false,
      startForPeriod: null,
    });
  });

  it('«по отдельному плану» is NO_DUE', () => {
    expect(parseDeadline('по отдельному плану', P)).toMatchObject({ kind: 'NO_DUE', ...NOTHING });
  });

  it('«в течение всего периода» is WHOLE_PERIOD 2020-09-01 … 2021-12-31', () => {
    expect(parseDeadline('в течение всего периода', P)).toMatchObject({
      kind: 'WHOLE_PERIOD',
      start: '2020-09-01',
      due: '2021-12-31',
      explicit: false,
    });
  });

  it('the order: «в течение учебного года» is due 2021-08-31, «постоянно» 2021-12-31', () => {
    expect(parseDeadline('в течение учебного года', P)).toMatchObject({
      kind: 'SCHOOL_YEAR',
      start: '2020-09-01',
      due: '2021-08-31',
      explicit: false,
    });
    expect(parseDeadline('постоянно', P)).toMatchObject({
      kind: 'WHOLE_PERIOD',
      start: '2020-09-01',
      due: '2021-12-31',
    });
  });

  it('derives the period from the explicit deadlines (§3 step 7): 2020-09-01 … 2021-12-31', () => {
    const texts = [
      'сентябрь 2020 года',
      'сентябрь- октябрь 2020 года',
      'октябрь-ноябрь 2020 года',
      'январь-май 2021 года',
      'сентябрь- декабрь 2021 года',
      'в течение года',
      'по отдельному плану',
      'в течение всего периода',
    ];
    const explicit = texts.map((t) => parseDeadline(t, null)).filter((d) => d.explicit);
    expect(explicit).toHaveLength(5);
    const starts = explicit.map((d) => d.startForPeriod ?? '').sort();
    const dues = explicit.map((d) => d.due ?? '').sort();
    expect([starts[0], dues[dues.length - 1]]).toEqual(['2020-09-01', '2021-12-31']);
  });
});

describe('WHOLE_PERIOD', () => {
  it('is periodStart … periodEnd for each of wholePeriodTexts, after normalisation', () => {
    const period = { start: '2021-01-10', end: '2022-05-31' };
    for (const text of ['в течение периода', 'весь период', 'Ежемесячно.', 'ЕЖЕКВАРТАЛЬНО', 'еженедельно']) {
      expect(parseDeadline(text, period)).toMatchObject({
        kind: 'WHOLE_PERIOD',
        start: '2021-01-10',
        due: '2022-05-31',
        explicit: false,
      });
    }
  });

  it('has null dates without a period', () => {
    expect(parseDeadline('постоянно', null)).toMatchObject({ kind: 'WHOLE_PERIOD', ...NOTHING });
  });

  it('takes its texts from the parameters', () => {
    const params: SupportParams = {
      ...SUPPORT_V1,
      deadlines: { ...SUPPORT_V1.deadlines, wholePeriodTexts: ['Весь срок'] },
    };
    expect(parseDeadline('весь срок', P, params).kind).toBe('WHOLE_PERIOD');
    expect(parseDeadline('постоянно', P, params).kind).toBe('UNPARSED');
  });
});

describe('NO_DUE', () => {
  it('has no dates, with or without a period', () => {
    expect(parseDeadline('По мере необходимости', P)).toMatchObject({ kind: 'NO_DUE', ...NOTHING });
    expect(parseDeadline('по графику.', null)).toMatchObject({ kind: 'NO_DUE', ...NOTHING });
    expect(parseDeadline('по плану', P)).toMatchObject({ kind: 'NO_DUE', ...NOTHING });
  });
});

describe('PERIOD_YEAR («в течение года»)', () => {
  it('ends at periodEnd when that comes first', () => {
    expect(parseDeadline('в течение года', { start: '2020-09-01', end: '2021-05-31' })).toMatchObject({
      kind: 'PERIOD_YEAR',
      start: '2020-09-01',
      due: '2021-05-31',
    });
  });

  it('runs 1 Jan … 31 Dec of a calendar year', () => {
    expect(parseDeadline('в течение года', { start: '2020-01-01', end: '2022-12-31' })).toMatchObject({
      start: '2020-01-01',
      due: '2020-12-31',
    });
  });

  it('leap years: from 29 Feb it ends on 28 Feb; from 1 Mar 2019 on 29 Feb 2020', () => {
    expect(parseDeadline('в течение года', { start: '2020-02-29', end: '2022-12-31' })).toMatchObject({
      start: '2020-02-29',
      due: '2021-02-28',
    });
    expect(parseDeadline('в течение года', { start: '2019-03-01', end: '2022-12-31' })).toMatchObject({
      start: '2019-03-01',
      due: '2020-02-29',
    });
  });

  it('has null dates without a period', () => {
    expect(parseDeadline('в течение года', null)).toMatchObject({ kind: 'PERIOD_YEAR', ...NOTHING });
  });
});

describe('SCHOOL_YEAR', () => {
  it('«в течение учебного года»: the school year in progress at periodStart, within the period', () => {
    expect(
      parseDeadline('в течение учебного года', { start: '2021-01-15', end: '2022-06-30' }),
    ).toMatchObject({
      kind: 'SCHOOL_YEAR',
      start: '2021-01-15',
      due: '2021-08-31',
      explicit: false,
    });
    expect(
      parseDeadline('в течение учебного года', { start: '2020-09-01', end: '2020-12-31' }),
    ).toMatchObject({
      start: '2020-09-01',
      due: '2020-12-31',
    });
  });

  it('«в течение учебного года» from 31 Aug is the school year ending that day', () => {
    expect(
      parseDeadline('в течение учебного года', { start: '2020-08-31', end: '2021-12-31' }),
    ).toMatchObject({
      start: '2020-08-31',
      due: '2020-08-31',
    });
  });

  it('«в течение учебного года» has null dates without a period', () => {
    expect(parseDeadline('в течение учебного года', null)).toMatchObject({ kind: 'SCHOOL_YEAR', ...NOTHING });
  });

  it('with years (- or /, учебного года or учебный год): 1 Sep … 31 Aug, explicit, period-free', () => {
    const y2020 = { kind: 'SCHOOL_YEAR', start: '2020-09-01', due: '2021-08-31', explicit: true };
    expect(parseDeadline('2020/2021 учебного года', null)).toMatchObject({
      ...y2020,
      startForPeriod: '2020-09-01',
    });
    expect(parseDeadline('2020-2021 учебный год', P)).toMatchObject(y2020);
    expect(parseDeadline('2020 – 2021 учебный год', P)).toMatchObject(y2020);
    expect(parseDeadline('В течение 2021-2022 учебного года.', P)).toMatchObject({
      kind: 'SCHOOL_YEAR',
      start: '2021-09-01',
      due: '2022-08-31',
    });
    expect(parseDeadline('в течение 2023/2024 учебного года', P)).toMatchObject({
      start: '2023-09-01',
      due: '2024-08-31',
    });
  });

  it('years that are not consecutive are UNPARSED', () => {
    expect(parseDeadline('2020-2022 учебный год', P)).toMatchObject({ kind: 'UNPARSED', ...NOTHING });
    expect(parseDeadline('2021/2020 учебного года', P)).toMatchObject({ kind: 'UNPARSED', ...NOTHING });
  });
});

describe('YEAR', () => {
  it('one year: 1 Jan … 31 Dec', () => {
    expect(parseDeadline('2021 год', P)).toMatchObject({
      kind: 'YEAR',
      start: '2021-01-01',
      due: '2021-12-31',
      explicit: true,
      startForPeriod: '2021-01-01',
    });
    expect(parseDeadline('в течение 2024 года', null)).toMatchObject({
      kind: 'YEAR',
      start: '2024-01-01',
      due: '2024-12-31',
    });
  });

  it('a range: 1 Jan of the first … 31 Dec of the last', () => {
    expect(parseDeadline('в течение 2021-2022', P)).toMatchObject({
      kind: 'YEAR',
      start: '2021-01-01',
      due: '2022-12-31',
      explicit: true,
    });
    expect(parseDeadline('2020 – 2021 гг.', P)).toMatchObject({
      kind: 'YEAR',
      start: '2020-01-01',
      due: '2021-12-31',
    });
  });

  it('a range may not descend (equal years are fine)', () => {
    expect(parseDeadline('2021-2021', P)).toMatchObject({
      kind: 'YEAR',
      start: '2021-01-01',
      due: '2021-12-31',
    });
    expect(parseDeadline('2022-2021', P)).toMatchObject({ kind: 'UNPARSED', ...NOTHING });
    expect(parseDeadline('в течение 2022-2020 гг.', P)).toMatchObject({ kind: 'UNPARSED', ...NOTHING });
  });
});

describe('DATE', () => {
  it('dd.mm.yyyy: start = due = the date', () => {
    expect(parseDeadline('15.09.2020', P)).toMatchObject({
      kind: 'DATE',
      start: '2020-09-15',
      due: '2020-09-15',
      explicit: true,
      startForPeriod: '2020-09-15',
    });
    expect(parseDeadline('01.10.2020 г.', null)).toMatchObject({
      kind: 'DATE',
      start: '2020-10-01',
      due: '2020-10-01',
    });
  });

  it('d <genitive month> yyyy', () => {
    expect(parseDeadline('31 августа 2021', P)).toMatchObject({
      kind: 'DATE',
      start: '2021-08-31',
      due: '2021-08-31',
    });
    expect(parseDeadline('1 сентября 2020 года', P)).toMatchObject({
      start: '2020-09-01',
      due: '2020-09-01',
    });
  });

  it('after «до»/«не позднее»: start = periodStart, due = the date, and the date counts for the period', () => {
    expect(parseDeadline('до 15 сентября 2020', P)).toEqual({
      kind: 'DATE',
      start: '2020-09-01',
      due: '2020-09-15',
      explicit: true,
      startForPeriod: '2020-09-15',
      normalised: 'до 15 сентября 2020',
    });
    expect(parseDeadline('до 1 марта 2021 г.', P)).toMatchObject({
      kind: 'DATE',
      start: '2020-09-01',
      due: '2021-03-01',
      startForPeriod: '2021-03-01',
    });
    expect(parseDeadline('Не позднее 31.08.2021', P)).toMatchObject({
      kind: 'DATE',
      start: '2020-09-01',
      due: '2021-08-31',
    });
  });

  it('after «до» without a period: start null, due and startForPeriod the date, explicit', () => {
    expect(parseDeadline('до 15 сентября 2020', null)).toMatchObject({
      kind: 'DATE',
      start: null,
      due: '2020-09-15',
      explicit: true,
      startForPeriod: '2020-09-15',
    });
  });

  it('leap days: 29.02.2020 and 29.02.2000 exist; 29.02.2021 and 29.02.1900 do not', () => {
    expect(parseDeadline('29.02.2020', P)).toMatchObject({ kind: 'DATE', due: '2020-02-29' });
    expect(parseDeadline('29 февраля 2000', P)).toMatchObject({ kind: 'DATE', due: '2000-02-29' });
    expect(parseDeadline('29.02.2021', P)).toMatchObject({ kind: 'UNPARSED', ...NOTHING });
    expect(parseDeadline('до 29.02.1900', P)).toMatchObject({ kind: 'UNPARSED', ...NOTHING });
  });

  it('invalid dates are UNPARSED', () => {
    for (const text of [
      '31.02.2021',
      '31.04.2021',
      '15.13.2020',
      '00.05.2021',
      'до 32 января 2021',
      '0 мая 2021',
    ]) {
      expect(parseDeadline(text, P)).toMatchObject({ kind: 'UNPARSED', ...NOTHING });
    }
  });

  it('other forms are UNPARSED: a nominative month, one-digit dd or mm, another prefix', () => {
    expect(parseDeadline('1 март 2021', P).kind).toBe('UNPARSED');
    expect(parseDeadline('1.03.2021', P).kind).toBe('UNPARSED');
    expect(parseDeadline('01.3.2021', P).kind).toBe('UNPARSED');
    expect(parseDeadline('в срок до 01.10.2020', P).kind).toBe('UNPARSED');
  });
});

describe('QUARTER', () => {
  it('roman numerals, «квартал» or «квартале», optional «в»', () => {
    expect(parseDeadline('ii квартале 2021', P)).toMatchObject({
      kind: 'QUARTER',
      start: '2021-04-01',
      due: '2021-06-30',
      explicit: true,
      startForPeriod: '2021-04-01',
    });
    expect(parseDeadline('IV квартал 2020 г.', null)).toMatchObject({
      kind: 'QUARTER',
      start: '2020-10-01',
      due: '2020-12-31',
    });
    expect(parseDeadline('в I квартале 2024 года', P)).toMatchObject({
      start: '2024-01-01',
      due: '2024-03-31',
    });
    expect(parseDeadline('III квартал 2021', P)).toMatchObject({ start: '2021-07-01', due: '2021-09-30' });
  });

  it('arabic numerals 1–4', () => {
    expect(parseDeadline('3 квартал 2021', P)).toMatchObject({
      kind: 'QUARTER',
      start: '2021-07-01',
      due: '2021-09-30',
    });
    expect(parseDeadline('в 4 квартале 2020', P)).toMatchObject({ start: '2020-10-01', due: '2020-12-31' });
  });

  it('a fifth quarter, v, or no year is UNPARSED', () => {
    expect(parseDeadline('5 квартал 2021', P).kind).toBe('UNPARSED');
    expect(parseDeadline('v квартал 2021', P).kind).toBe('UNPARSED');
    expect(parseDeadline('ii квартал', P).kind).toBe('UNPARSED');
  });
});

describe('UNPARSED', () => {
  it('anything else, with the normalised text kept for the warning', () => {
    expect(parseDeadline('  По итогам   ВПР. ', P)).toEqual({
      kind: 'UNPARSED',
      ...NOTHING,
      normalised: 'по итогам впр',
    });
    expect(parseDeadline('', P)).toMatchObject({ kind: 'UNPARSED', ...NOTHING });
  });

  it('rejects a period that is not ISO', () => {
    expect(() => parseDeadline('постоянно', { start: '01.09.2020', end: '2021-12-31' })).toThrow(RangeError);
  });
});
