import { CITY_REGIONS, REGIONS, type RegionSource } from './regions.js';
import { DISTRICT_STEMS, REAL_MUNICIPALITIES, TOWN_NAMES, type MunicipalitySource } from './places.js';
import { type MunicipalityPlan, type RegionPlan, type ScaleSpec } from './model.js';
import { Random } from './random.js';

/** Regions and municipalities of a scale, with their effects, and each region's school count. */

export interface Geography {
  regions: RegionPlan[];
  municipalities: MunicipalityPlan[];
  /** Schools per municipality, by municipality id. */
  schoolCounts: Map<number, number>;
}

const REAL_REGION_CODES = Object.keys(REAL_MUNICIPALITIES).sort();

/** Splits `total` into integer parts proportional to `weights` (largest remainder), each ≥ its minimum. */
export function apportion(total: number, weights: readonly number[], minimums: readonly number[]): number[] {
  const minSum = minimums.reduce((a, b) => a + b, 0);
  const rest = Math.max(0, total - minSum);
  const wSum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (rest * w) / wSum);
  const parts = exact.map((x, i) => Math.floor(x) + (minimums[i] ?? 0));
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0 && order.length > 0; k = (k + 1) % order.length, left--) {
    const i = order[k]?.[1] ?? 0;
    parts[i] = (parts[i] ?? 0) + 1;
  }
  return parts;
}

function regionSchoolCounts(spec: ScaleSpec, sources: readonly RegionSource[]): number[] {
  // Demo and test: the four document regions get equal shares, so each has a meaningful 10 % cut.
  const weights = spec.allRegions ? sources.map((r) => r.schools) : sources.map(() => 1);
  return apportion(
    spec.schools,
    weights,
    sources.map(() => spec.minRegionSchools),
  );
}

/** Generated municipalities: a capital city, other towns, then districts, names unique within the region. */
function generatedMunicipalities(rng: Random, regionCode: string, count: number, taken: Set<string>) {
  const out: MunicipalitySource[] = [];
  const cityRegion = CITY_REGIONS.has(regionCode);
  const stems = rng.shuffle(DISTRICT_STEMS);
  const towns = rng.shuffle(TOWN_NAMES);
  let s = 0;
  let t = 0;
  while (out.length < count) {
    const first = out.length === 0;
    let source: MunicipalitySource;
    if (cityRegion) {
      const stem = stems[s++ % stems.length] ?? 'Центральн';
      source = { name: `${stem}${stem.endsWith('ск') ? 'ий' : 'ский'} район`, city: true, weight: 1 };
    } else if (first || (rng.chance(0.15) && t < towns.length)) {
      const town = towns[t++ % towns.length] ?? 'Новогорск';
      source = { name: `город ${town}`, city: true, weight: first ? 8 : 2.5 };
    } else {
      const stem = stems[s++ % stems.length] ?? 'Новосельск';
      const adjective = `${stem}${stem.endsWith('ск') ? 'ий' : 'ский'}`;
      const form = rng.chance(0.3) ? 'муниципальный округ' : 'район';
      source = { name: `${adjective} ${form}`, city: false, weight: rng.uniform(0.6, 1.4) };
    }
    // A name used twice in a region gets a distinguishing number (the table needs unique names).
    let name = source.name;
    for (let k = 2; taken.has(name); k++) name = `${source.name} ${k}`;
    taken.add(name);
    out.push({ ...source, name });
  }
  return out;
}

export function buildGeography(spec: ScaleSpec, seed: number): Geography {
  const rng = new Random(seed, 1);
  const sources = spec.allRegions ? REGIONS : REGIONS.filter((r) => REAL_REGION_CODES.includes(r.code));
  const counts = regionSchoolCounts(spec, sources);
  const perSchool = spec.schools / spec.municipalities;
  const regions: RegionPlan[] = [];
  const municipalities: MunicipalityPlan[] = [];
  const schoolCounts = new Map<number, number>();

  sources.forEach((source, ri) => {
    const region: RegionPlan = {
      id: ri + 1,
      code: source.code,
      name: source.name,
      nonNative: source.nonNative,
      effect: 0.12 * rng.normal(),
    };
    regions.push(region);
    const regionSchools = counts[ri] ?? 0;
    const real = REAL_MUNICIPALITIES[source.code];
    const list: MunicipalitySource[] = real
      ? real.list.slice(0, spec.coreMunicipalitiesOnly ? real.core : real.list.length)
      : [];
    if (spec.allRegions) {
      const wanted = Math.max(3, Math.round(regionSchools / perSchool));
      const taken = new Set(list.map((m) => m.name));
      list.push(...generatedMunicipalities(rng, source.code, Math.max(0, wanted - list.length), taken));
    }
    const sizes = apportion(
      regionSchools,
      list.map((m) => m.weight),
      list.map(() => 3),
    );
    list.forEach((m, mi) => {
      const id = municipalities.length + 1;
      municipalities.push({
        id,
        regionId: region.id,
        name: m.name,
        city: m.city,
        effect: 0.1 * rng.normal() + (m.city ? 0.05 : -0.03),
        context: 0.4 * rng.normal() + (m.city ? -0.4 : 0.3),
      });
      schoolCounts.set(id, sizes[mi] ?? 3);
    });
  });
  return { regions, municipalities, schoolCounts };
}
