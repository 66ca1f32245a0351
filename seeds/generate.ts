import { checksumOfTables } from './checksum.js';
import { EGE_COLUMNS, EGE_MINIMUM_COLUMNS, OGE_COLUMNS, egeMinimumRows, egeRows, ogeRows } from './gia.js';
import { INDICATOR_COLUMNS, indicatorRows } from './indicators.js';
import { DEFAULT_SEED, type CountryPlan, type ScaleName } from './model.js';
import { buildPlan } from './plan.js';
import { regionTimeZone } from '../schema/regions.js';
import type { TableSource } from './tables.js';
import { VPR_COLUMNS, vprRows } from './vpr.js';

/**
 * The deterministic country: the plan (places, schools, latent model, planted truth) is built in
 * memory; result rows are generators, so even the national scale (≈ 5 M ВПР rows) streams.
 */

export interface GenerateOptions {
  scale: ScaleName;
  seed?: number;
}

export interface GeneratedCountry extends CountryPlan {
  /** Every table in load order; `rows()` starts a fresh, identical pass each time. */
  tables: readonly TableSource[];
  /** SHA-256 of all tables and the truth (one in-memory pass; the loader gets it while streaming). */
  checksum(): string;
}

function tablesOf(plan: CountryPlan): TableSource[] {
  return [
    {
      name: 'region',
      columns: ['id', 'code', 'name', 'time_zone'],
      rows: () => plan.regions.map((r) => [r.id, r.code, r.name, regionTimeZone(r.code)]),
    },
    {
      name: 'municipality',
      columns: ['id', 'region_id', 'name'],
      rows: () => plan.municipalities.map((m) => [m.id, m.regionId, m.name]),
    },
    {
      name: 'school',
      columns: ['id', 'code', 'name', 'municipality_id', 'type', 'locality', 'students'],
      rows: () =>
        plan.schools.map((s) => [s.id, s.code, s.name, s.municipalityId, s.type, s.locality, s.students]),
    },
    { name: 'ege_minimum', columns: EGE_MINIMUM_COLUMNS, rows: () => egeMinimumRows(plan) },
    { name: 'vpr_result', columns: VPR_COLUMNS, rows: () => vprRows(plan) },
    { name: 'oge_result', columns: OGE_COLUMNS, rows: () => ogeRows(plan) },
    { name: 'ege_result', columns: EGE_COLUMNS, rows: () => egeRows(plan) },
    { name: 'indicator_value', columns: INDICATOR_COLUMNS, rows: () => indicatorRows(plan) },
    {
      name: 'seed_truth',
      columns: ['school_code', 'kind', 'years'],
      rows: () => plan.truth.map((t) => [t.schoolCode, t.kind, t.years]),
    },
  ];
}

export function generateCountry(options: GenerateOptions): GeneratedCountry {
  const plan = buildPlan(options.scale, options.seed ?? DEFAULT_SEED);
  const tables = tablesOf(plan);
  let cached: string | null = null;
  return {
    ...plan,
    tables,
    checksum: () => (cached ??= checksumOfTables(tables)),
  };
}

/** The checksum a load of (scale, seed) records in seed_manifest, computed in memory without a database. */
export function computeChecksum(options: GenerateOptions): string {
  return generateCountry(options).checksum();
}
