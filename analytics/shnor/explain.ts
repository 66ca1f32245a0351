import { round12 } from '../arithmetic.js';
import { type LowIndicators } from './indicators.js';
import { type ShnorCandidate, type YearEvidence } from './types.js';

/** «31,2 %»: one decimal and a decimal comma, as in Russian official reports. */
export function formatPercentRu(share: number): string {
  return `${(share * 100).toFixed(1).replace('.', ',')} %`;
}

/**
 * The percentile an analyst reads: floor(lowRank · 100), «96-й». The product is rounded first
 * (§7) because e.g. 0.29 · 100 = 28.999999999999996 in floating point and must read «29-й».
 */
export function percentileOf(lowRank: number): number {
  return Math.floor(round12(lowRank * 100));
}

/** «10» for a cut of 0.9, «12,5» for 0.875: the size of the region's bottom group in percent. */
function bottomPercent(lowRankCut: number): string {
  return String(round12((1 - lowRankCut) * 100)).replace('.', ',');
}

/** «1 участник», «3 участника», «14 участников». */
function participants(n: number): string {
  const last = n % 10;
  const lastTwo = n % 100;
  if (last === 1 && lastTwo !== 11) return `${n} участник`;
  if (last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14)) return `${n} участника`;
  return `${n} участников`;
}

const withRegion = (school: number, region: number | null): string =>
  region === null
    ? formatPercentRu(school)
    : `${formatPercentRu(school)} (регион ${formatPercentRu(region)})`;

/** The shares of one year with the region values, ОГЭ and ЕГЭ only where defined. */
function sharesPhrase(e: YearEvidence, region: LowIndicators): string {
  const parts: string[] = [];
  if (e.vprLow !== null) parts.push(`Доля «2» по ВПР ${withRegion(e.vprLow, region.vprLow)}`);
  if (e.ogeLow !== null) parts.push(`«2» по ОГЭ ${withRegion(e.ogeLow, region.ogeLow)}`);
  if (e.egeLow !== null) parts.push(`ниже минимума по ЕГЭ ${withRegion(e.egeLow, region.egeLow)}`);
  return parts.join(', ');
}

const ranksPhrase = (c: ShnorCandidate): string =>
  `${percentileOf(c.current.lowRank ?? 0)}-й процентиль в ${c.current.year} и ` +
  `${percentileOf(c.previous.lowRank ?? 0)}-й в ${c.previous.year}`;

/** «2023 и 2024»: the years whose core cells carry an objectivity marker. */
function markerYears(c: ShnorCandidate): string {
  const years = [c.markedPrevious ? c.previous.year : null, c.markedCurrent ? c.current.year : null];
  return years.filter((y) => y !== null).join(' и ');
}

/** Why a year has no rank: too few ВПР participants (the one component a rank needs). */
function missingPhrase(e: YearEvidence, minPooledVpr: number): string {
  if (e.vprN === 0) return `ВПР ${e.year} — нет участников`;
  if (e.vprN < minPooledVpr) return `ВПР ${e.year} — ${participants(e.vprN)} при минимуме ${minPooledVpr}`;
  return `${e.year} — индекс не определён`;
}

function insufficientSentence(c: ShnorCandidate): string {
  if (!c.current.hasResults && !c.previous.hasResults)
    return `Нет результатов ни в ${c.current.year}, ни в ${c.previous.year}: школа не участвовала в ВПР, ОГЭ и ЕГЭ по предметам методики — нужно выяснить причину`;
  const years = [c.current, c.previous];
  const missing = years
    .filter((e) => e.lowRank === null)
    .map((e) => missingPhrase(e, c.cutoffs.minPooledVpr));
  const ranked = years.find((e) => e.lowRank !== null);
  const rankedNote = ranked
    ? ` (в ${ranked.year} — ${percentileOf(ranked.lowRank as number)}-й процентиль)`
    : '';
  return `Недостаточно данных для ранжирования: ${missing.join(', ')}${rankedNote}`;
}

function notLowPhrase(c: ShnorCandidate, bottom: string): string {
  const notLow = [c.current, c.previous].filter((e) => e.low === false).map((e) => e.year);
  if (notLow.length === 2) return `ни в ${notLow[0]}, ни в ${notLow[1]} не в нижних ${bottom} % региона`;
  return `в ${notLow[0]} не в нижних ${bottom} % региона`;
}

/**
 * One Russian sentence that says why the school has its status, with the numbers an analyst
 * would quote: the school's and the region's shares of year y, the percentiles of both years,
 * the markers, and what is missing when the school cannot be ranked.
 */
export function explainShnorCandidate(c: ShnorCandidate): string {
  const exit = c.exitCandidate ? '; кандидат на выход из списка (переход в эффективный режим)' : '';
  if (c.status === 'INSUFFICIENT_DATA') return `${insufficientSentence(c)}${exit}.`;

  const bottom = bottomPercent(c.cutoffs.lowRankCut);
  const facts = `${sharesPhrase(c.current, c.current.region)}, ${ranksPhrase(c)}`;
  const lowTwice = `в нижних ${bottom} % региона два года подряд`;
  const marked = c.markedCurrent || c.markedPrevious;
  switch (c.status) {
    case 'ELIGIBLE':
      return marked
        ? `${facts} — ${lowTwice}; признаки необъективности в ${markerYears(c)} не учитываются (политика IGNORE).`
        : `${facts} — ${lowTwice}; признаков необъективности нет.`;
    case 'REVIEW':
      return `${facts} — ${lowTwice}, но в ${markerYears(c)} есть признаки необъективности — нужна проверка.`;
    case 'NOT_ELIGIBLE':
      return c.current.low && c.previous.low
        ? `${facts} — ${lowTwice}, но школа исключена из-за признаков необъективности в ${markerYears(c)}${exit}.`
        : `${facts} — ${notLowPhrase(c, bottom)}${exit}.`;
  }
}
