/** PostgreSQL's integer (int4): every row id and offset of this API fits it. */
export const INT4_MAX = 2_147_483_647;

/** A row id: a positive int4, as a number or as its decimal digits (GraphQL's ID, a token claim). */
export function isRowId(value: unknown): boolean {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value > 0 && value <= INT4_MAX;
  return typeof value === 'string' && /^[1-9]\d{0,9}$/.test(value) && Number(value) <= INT4_MAX;
}
