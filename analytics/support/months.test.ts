import { describe, expect, it } from 'vitest';
import { parseDeadline, type DeadlinePeriod } from './deadlines.js';
import { monthOfGenitive, monthOfWord } from './months.js';

const P: DeadlinePeriod = { start: '2020-09-01', end: '2021-12-31' };
const UNPARSED = { kind: 'UNPARSED', start: null, due: null, explicit: false, startForPeriod: null };

describe('MONTHS: month forms', () => {
  it('knows the nominative, genitive and prepositional forms', () => {
    expect([monthOfWord('сентябрь'), monthOfWord('сентября'), monthOfWord('сентябре')]).toEqual([9, 9, 9]);
    expect([monthOfWord('май'), monthOfWord('мая'), monthOfWord('мае')]).toEqual([5, 5, 5]);
    expect(monthOfWord('сентябрю')).toBeUndefined();
    expect(monthOfGenitive('марта')).toBe(3);
    expect(monthOfGenitive('март')).toBeUndefined();
  });

  it('parses each form, with an optional leading «в»', () => {
    expect(parseDeadline('в сентябре 2020', P)).toMatchObject({
      kind: 'MONTHS',
      start: '2020-09-01',
      due: '2020-09-30',
      explicit: true,
    });
    expect(parseDeadline('сентября-октября 2020 года', P)).toMatchObject({
      start: '2020-09-01',
      due: '2020-10-31',
    });
    expect(parseDeadline('В декабре 2020 г.', P)).toMatchObject({ start: '2020-12-01', due: '2020-12-31' });
  });

  it('leap years: February 2024 ends on the 29th, February 2100 on the 28th', () => {
    expect(parseDeadline('февраль 2024', P)).toMatchObject({ start: '2024-02-01', due: '2024-02-29' });
    expect(parseDeadline('в феврале 2100', P)).toMatchObject({ start: '2100-02-01', due: '2100-02-28' });
  });
});

describe('MONTHS: a year applies backwards to the yearless months before it', () => {
  it('«ноябрь-январь 2024» = Nov 2023 … Jan 2024 (a month later than its successor takes year − 1)', () => {
    expect(parseDeadline('ноябрь-январь 2024', P)).toMatchObject({
      kind: 'MONTHS',
      start: '2023-11-01',
      due: '2024-01-31',
      explicit: true,
      startForPeriod: '2023-11-01',
    });
  });

  it('«октябрь, декабрь, февраль 2021»: февраль 2021, декабрь 2020, октябрь 2020', () => {
    expect(parseDeadline('октябрь, декабрь, февраль 2021', P)).toMatchObject({
      start: '2020-10-01',
      due: '2021-02-28',
    });
  });

  it('«январь, март и май 2021»: all 2021 (not later than their successors)', () => {
    expect(parseDeadline('январь, март и май 2021', P)).toMatchObject({
      kind: 'MONTHS',
      start: '2021-01-01',
      due: '2021-05-31',
      explicit: true,
    });
    expect(parseDeadline('в сентябре и октябре 2020', P)).toMatchObject({
      start: '2020-09-01',
      due: '2020-10-31',
    });
  });

  it('only back to the previous year: «ноябрь 2020, январь, март 2021, май»', () => {
    // январь takes 2021 from март 2021 (январь ≤ март); май goes forwards from март 2021
    expect(parseDeadline('ноябрь 2020, январь, март 2021, май', P)).toMatchObject({
      start: '2020-11-01',
      due: '2021-05-31',
    });
  });

  it('«май-март 2021» = May 2020 … Mar 2021 by the same rule (май later than март takes 2020)', () => {
    expect(parseDeadline('май-март 2021', P)).toMatchObject({
      kind: 'MONTHS',
      start: '2020-05-01',
      due: '2021-03-31',
      explicit: true,
    });
  });
});

describe('MONTHS: yearless months after the last year go forwards', () => {
  it('«ноябрь 2020-февраль» = Nov 2020 … Feb 2021 (+1 when earlier than the predecessor)', () => {
    expect(parseDeadline('ноябрь 2020-февраль', P)).toMatchObject({
      kind: 'MONTHS',
      start: '2020-11-01',
      due: '2021-02-28',
      explicit: true,
    });
  });

  it('«декабрь 2020, январь, март» = Dec 2020, Jan 2021, Mar 2021', () => {
    expect(parseDeadline('декабрь 2020, январь, март', P)).toMatchObject({
      start: '2020-12-01',
      due: '2021-03-31',
    });
  });

  it('the same month again stays in the same year: «январь 2020, январь»', () => {
    expect(parseDeadline('январь 2020, январь', P)).toMatchObject({ start: '2020-01-01', due: '2020-01-31' });
  });

  it('a year on every month: «сентябрь 2020-май 2021»', () => {
    expect(parseDeadline('сентябрь 2020-май 2021', null)).toMatchObject({
      start: '2020-09-01',
      due: '2021-05-31',
      explicit: true,
    });
  });
});

describe('MONTHS: no year at all — resolved through the period', () => {
  it('the first month is its first occurrence on or after periodStart (period from mid-January)', () => {
    const period = { start: '2021-01-15', end: '2021-12-31' };
    expect(parseDeadline('сентябрь-октябрь', period)).toMatchObject({
      kind: 'MONTHS',
      start: '2021-09-01',
      due: '2021-10-31',
      explicit: false,
      startForPeriod: null,
    });
    expect(parseDeadline('январь', period)).toMatchObject({ start: '2021-01-01', due: '2021-01-31' });
    expect(parseDeadline('декабрь', period)).toMatchObject({ start: '2021-12-01', due: '2021-12-31' });
  });

  it('a month before periodStart’s month is the next year’s; later months go forwards', () => {
    expect(parseDeadline('август', P)).toMatchObject({ start: '2021-08-01', due: '2021-08-31' });
    expect(parseDeadline('февраль', P)).toMatchObject({ start: '2021-02-01', due: '2021-02-28' });
    expect(parseDeadline('ноябрь-январь', P)).toMatchObject({ start: '2020-11-01', due: '2021-01-31' });
  });

  it('periodStart’s own month counts (period from 10 Sep: «сентябрь» is September 2020)', () => {
    expect(parseDeadline('сентябрь', { start: '2020-09-10', end: '2021-06-30' })).toMatchObject({
      start: '2020-09-01',
      due: '2020-09-30',
    });
  });

  it('without a period: MONTHS with null dates, not explicit', () => {
    expect(parseDeadline('сентябрь', null)).toMatchObject({
      kind: 'MONTHS',
      start: null,
      due: null,
      explicit: false,
      startForPeriod: null,
    });
  });
});

describe('MONTHS: UNPARSED', () => {
  it('a backwards range (years on both sides)', () => {
    expect(parseDeadline('май 2021-март 2021', P)).toMatchObject(UNPARSED);
    expect(parseDeadline('декабрь 2021-январь 2021', P)).toMatchObject(UNPARSED);
    // январь takes 2021 from март 2021, so the range ноябрь 2021 … январь 2021 runs backwards
    expect(parseDeadline('ноябрь 2021-январь, март 2021', P)).toMatchObject(UNPARSED);
  });

  it('a backwards list is not a range and is fine: «май 2021, март 2021»', () => {
    expect(parseDeadline('май 2021, март 2021', P)).toMatchObject({ start: '2021-03-01', due: '2021-05-31' });
  });

  it('months with no separator', () => {
    expect(parseDeadline('сентябрь октябрь 2020', P)).toMatchObject(UNPARSED);
    expect(parseDeadline('сентябрь 2020 октябрь 2020', P)).toMatchObject(UNPARSED);
  });

  it('anything outside the grammar', () => {
    expect(parseDeadline('сентябрь-', P)).toMatchObject(UNPARSED);
    expect(parseDeadline('в течение сентября 2020', P)).toMatchObject(UNPARSED);
    expect(parseDeadline('сентябрь, и октябрь 2020', P)).toMatchObject(UNPARSED);
    expect(parseDeadline('2020 сентябрь', P)).toMatchObject(UNPARSED);
  });
});
