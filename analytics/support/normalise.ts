import { SUPPORT_V1, type SupportParams } from './params.js';

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `года|год|гг.|гг|г.|г` after a 4-digit year (not part of a longer number), with one space or none
 * between, and not followed by a letter or digit («2020 году» keeps «году»). Longest suffix first. */
function yearSuffixPattern(suffixes: readonly string[]): RegExp | null {
  if (suffixes.length === 0) return null;
  const alternatives = [...suffixes]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
  return new RegExp(`(?<!\\d)(\\d{4}) ?(?:${alternatives})(?![\\p{L}\\p{N}])`, 'gu');
}

const cache = new Map<string, RegExp | null>();
function cachedYearSuffixPattern(suffixes: readonly string[]): RegExp | null {
  const key = suffixes.join('\u0000');
  if (!cache.has(key)) cache.set(key, yearSuffixPattern(suffixes));
  return cache.get(key) ?? null;
}

/**
 * SUPPORT-V1 §2 **Normalise**, each step in the order of the text:
 * 1. lower case; 2. ё → е; 3. NBSP → space; 4. `–—−‒` → `-`; 5. collapse whitespace (any run of
 * white space, tabs and line breaks too, to one space); 6. no spaces around `-`; 7. `,` as `, `
 * (no space before, one after); 8. delete `года|год|гг.|гг|г.|г` after a 4-digit year, with the
 * space before it; 9. strip spaces, `.` and `;` at both ends.
 *
 * The year suffixes are `params.deadlines.yearSuffixes`; the rest is fixed.
 */
export function normaliseDeadline(text: string, params: SupportParams = SUPPORT_V1): string {
  let t = text.toLowerCase(); // 1
  t = t.replace(/ё/g, 'е'); // 2
  t = t.replace(/\u00a0/g, ' '); // 3
  t = t.replace(/[–—−‒]/g, '-'); // 4
  t = t.replace(/\s+/g, ' '); // 5
  t = t.replace(/ ?- ?/g, '-'); // 6
  t = t.replace(/ ?, ?/g, ', '); // 7
  const suffix = cachedYearSuffixPattern(params.deadlines.yearSuffixes);
  if (suffix) t = t.replace(suffix, '$1'); // 8
  t = t.replace(/^[ .;]+|[ .;]+$/g, ''); // 9
  return t;
}
