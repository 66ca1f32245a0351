import { type Reason } from './types.js';

/**
 * Cell text → numbers, as spreadsheets export them: decimal comma or point, spaces (also no-break
 * spaces) as thousands separators. Pure functions: a number, or the reason it is not one.
 */

const DIGITS = /^\d+$/;
const DECIMAL = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)$/;
const SPACES = /[\s\u00a0\u202f]/g;

export const reason = (ru: string, en: string): Reason => ({ ru, en });

export const EMPTY = reason('пустое значение', 'empty value');
const NOT_A_NUMBER = reason('не число', 'not a number');
const NOT_WHOLE = reason('не целое число', 'not a whole number');

/** A decimal number (comma or point), or the reason the text is not one. */
export function parseDecimal(text: string): number | Reason {
  if (text === '') return EMPTY;
  const compact = text.includes(' ') || text.includes('\u00a0') ? text.replace(SPACES, '') : text;
  if (!DECIMAL.test(compact)) return NOT_A_NUMBER;
  return Number(compact.replace(',', '.'));
}

/** A whole number («12», «1 234», also «12,0» as spreadsheets write whole numbers formatted as decimals). */
export function parseInteger(text: string): number | Reason {
  // Fast path: plain digits, what nearly every count cell holds.
  if (DIGITS.test(text) && text.length < 10) return Number(text);
  const value = parseDecimal(text);
  if (typeof value !== 'number') return value;
  return Number.isSafeInteger(value) ? value : NOT_WHOLE;
}

/** A number within [min, max], or the reason it is outside. */
export function checkRange(value: number, min: number, max = Infinity): number | Reason {
  if (value < min) return reason(`меньше ${min}`, `less than ${min}`);
  if (value > max) return reason(`больше ${max}`, `greater than ${max}`);
  return value;
}

/** A percentage cell: «33,3», «33.3 %»; whether it carried the sign is for the caller to see. */
export function parsePercent(text: string): number | Reason {
  const value = parseDecimal(text.endsWith('%') ? text.slice(0, -1).trimEnd() : text);
  if (typeof value !== 'number') return value;
  if (value < 0 || value > 100) {
    return reason('процент вне диапазона 0–100', 'percentage outside 0–100');
  }
  return value;
}

/**
 * round(p·N/100) with halves rounded up (ФИС ОКО rounds percentages of counts to one decimal, so
 * the product lands near a whole number or exactly on a half). The epsilon absorbs binary noise.
 */
export function countFromPercent(percent: number, participants: number): number {
  return Math.floor((percent * participants) / 100 + 0.5 + 1e-9);
}

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;
