/** Russian number formatting for marker details: decimal comma, «%» and «п.п.». */

/** Fixed decimals with a decimal comma; never «-0,0». */
export function fixedRu(x: number, digits: number): string {
  // values that print as zero lose their sign, so a tiny negative difference does not read «-0,0»
  const printable = Math.abs(x) < 0.5 * 10 ** -digits ? 0 : x;
  return printable.toFixed(digits).replace('.', ',');
}

/** A parameter as written by people: no trailing zeros (0.25 → «0,25», 25 → «25»). */
export function trimmedRu(x: number): string {
  return String(Number(x.toFixed(6))).replace('.', ',');
}

/** A share as a percentage with one decimal: 0.78 → «78,0 %». */
export const percentRu = (share: number): string => `${fixedRu(share * 100, 1)} %`;

/** A cut-off share as a percentage without trailing zeros: 0.2 → «20 %». */
export const cutPercentRu = (share: number): string => `${trimmedRu(share * 100)} %`;
