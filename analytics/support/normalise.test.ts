import { describe, expect, it } from 'vitest';
import { normaliseDeadline } from './normalise.js';
import { SUPPORT_V1, type SupportParams } from './params.js';

describe('normaliseDeadline (SUPPORT-V1 §2 Normalise)', () => {
  it('1. lower case', () => {
    expect(normaliseDeadline('СЕНТЯБРЬ 2020')).toBe('сентябрь 2020');
    expect(normaliseDeadline('В течение Года')).toBe('в течение года');
  });

  it('2. ё → е, after lower case (so Ё becomes е too)', () => {
    expect(normaliseDeadline('отчёт')).toBe('отчет');
    expect(normaliseDeadline('ЁЛКА')).toBe('елка');
  });

  it('3. NBSP → space', () => {
    expect(normaliseDeadline('сентябрь\u00a02020')).toBe('сентябрь 2020');
    expect(normaliseDeadline('по\u00a0\u00a0плану')).toBe('по плану');
  });

  it('4. – — − ‒ → -', () => {
    expect(normaliseDeadline('сентябрь–октябрь')).toBe('сентябрь-октябрь'); // en dash
    expect(normaliseDeadline('сентябрь—октябрь')).toBe('сентябрь-октябрь'); // em dash
    expect(normaliseDeadline('сентябрь−октябрь')).toBe('сентябрь-октябрь'); // minus sign
    expect(normaliseDeadline('сентябрь‒октябрь')).toBe('сентябрь-октябрь'); // figure dash
  });

  it('5. collapse whitespace (tabs and line breaks too)', () => {
    expect(normaliseDeadline('в   течение\t\nгода')).toBe('в течение года');
    expect(normaliseDeadline('по \u00a0 плану')).toBe('по плану');
  });

  it('6. no spaces around -', () => {
    expect(normaliseDeadline('сентябрь - октябрь')).toBe('сентябрь-октябрь');
    expect(normaliseDeadline('сентябрь- октябрь')).toBe('сентябрь-октябрь');
    expect(normaliseDeadline('сентябрь -октябрь')).toBe('сентябрь-октябрь');
    expect(normaliseDeadline('сентябрь  —  октябрь')).toBe('сентябрь-октябрь'); // steps 4, 5, 6 together
  });

  it('7. , as ", " (no space before, one after)', () => {
    expect(normaliseDeadline('январь ,март,май')).toBe('январь, март, май');
    expect(normaliseDeadline('январь  ,   март')).toBe('январь, март');
  });

  it('8. deletes года|год|гг.|гг|г.|г after a 4-digit year', () => {
    expect(normaliseDeadline('сентябрь 2020 года')).toBe('сентябрь 2020');
    expect(normaliseDeadline('2021 год')).toBe('2021');
    expect(normaliseDeadline('2020-2021 гг.')).toBe('2020-2021');
    expect(normaliseDeadline('2020-2021 гг')).toBe('2020-2021');
    expect(normaliseDeadline('до 1 марта 2021 г.')).toBe('до 1 марта 2021');
    expect(normaliseDeadline('2021 г')).toBe('2021');
    expect(normaliseDeadline('15.09.2020г.')).toBe('15.09.2020');
    expect(normaliseDeadline('2020 г. - 2021 г.')).toBe('2020-2021');
    expect(normaliseDeadline('сентябрь 2020 года, октябрь')).toBe('сентябрь 2020, октябрь');
  });

  it('8. keeps them when not right after a 4-digit year, or when part of a longer word', () => {
    expect(normaliseDeadline('в течение учебного года')).toBe('в течение учебного года');
    expect(normaliseDeadline('2020/2021 учебного года')).toBe('2020/2021 учебного года');
    expect(normaliseDeadline('2020-2021 учебный год')).toBe('2020-2021 учебный год');
    expect(normaliseDeadline('в 2020 году')).toBe('в 2020 году');
    expect(normaliseDeadline('12 г.')).toBe('12 г'); // not a 4-digit year: only the end is stripped (step 9)
    expect(normaliseDeadline('12020 года')).toBe('12020 года'); // five digits are not a year
  });

  it('9. strips spaces, . and ; at both ends', () => {
    expect(normaliseDeadline(' сентябрь 2020. ')).toBe('сентябрь 2020');
    expect(normaliseDeadline(';по плану;')).toBe('по плану');
    expect(normaliseDeadline('. ; .')).toBe('');
    expect(normaliseDeadline('ежемесячно.')).toBe('ежемесячно');
  });

  it('all steps at once', () => {
    expect(normaliseDeadline('  Сентябрь — Октябрь\u00a02020 г.; ')).toBe('сентябрь-октябрь 2020');
    expect(normaliseDeadline('Январь ,Март и Май 2021 года.')).toBe('январь, март и май 2021');
  });

  it('takes the year suffixes from the parameters', () => {
    const params: SupportParams = {
      ...SUPPORT_V1,
      deadlines: { ...SUPPORT_V1.deadlines, yearSuffixes: ['года'] },
    };
    expect(normaliseDeadline('2021 года', params)).toBe('2021');
    expect(normaliseDeadline('2021 г.', params)).toBe('2021 г');
  });
});
