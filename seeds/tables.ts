/** A table of the seed as a lazy row source: rows are produced while they stream into COPY. */
export interface TableSource {
  readonly name: SeedTable;
  readonly columns: readonly string[];
  rows(): Iterable<readonly unknown[]>;
}

/** Domain tables in load order (parents first), then the truth table the loader creates. */
export const DOMAIN_TABLES = [
  'region',
  'municipality',
  'school',
  'ege_minimum',
  'vpr_result',
  'oge_result',
  'ege_result',
  'indicator_value',
] as const;

export type SeedTable = (typeof DOMAIN_TABLES)[number] | 'seed_truth';
