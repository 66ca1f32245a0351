import { SchoolType } from '../schema/enums.js';
import { buildGeography } from './geography.js';
import {
  PLANTED_SHARES,
  SCALES,
  type CountryPlan,
  type ScaleName,
  type SchoolPlan,
  type TruthEntry,
  type TruthKind,
} from './model.js';
import { Random } from './random.js';
import { buildSchools } from './schools.js';

/**
 * The latent model. Ability θ(s, y) in student-SD units = region effect + municipality effect +
 * stable school effect (type, social context) + an AR(1) year effect (ρ = 0.85). Planted schools
 * replace it: PERSISTENTLY_LOW sits far below its region every year; IMPROVING starts there and
 * recovers; INFLATED is ordinary-to-weak, its ВПР numbers are inflated when the rows are written.
 */

const RHO = 0.85;
const YEAR_SD = 0.12;
/** How far below the region a planted low school sits (ordinary schools: SD ≈ 0.25). */
export const PLANTED_LOW_SHIFT = -1.1;
/** Ordinary schools other than gymnasiums and lyceums stay below region + this (no accidental HIGH_VS_REGION). */
export const ORDINARY_CEILING = 0.4;
/**
 * Ordinary schools stay above region + this: their low tail is compressed, so which of them fall in
 * the worst decile is mostly sampling luck that changes from year to year, while planted low schools
 * (region − 1.1) stay clearly apart and can be recovered with high precision.
 */
export const ORDINARY_FLOOR = -0.22;

const TYPE_EFFECT: Readonly<Record<SchoolType, number>> = {
  SOSH: 0,
  GYMNASIUM: 0.3,
  LYCEUM: 0.35,
  EDUCATION_CENTER: 0,
  OOSH: -0.05,
  NOSH: 0,
  BOARDING: -0.15,
};

const isSelective = (s: SchoolPlan) => s.type === SchoolType.GYMNASIUM || s.type === SchoolType.LYCEUM;

/** Which schools may carry a planted kind: large enough to be ranked (or to show markers), never real ones. */
function eligible(kind: TruthKind, s: SchoolPlan): boolean {
  if (s.real || isSelective(s) || s.topGrade === 4) return false;
  if (kind === 'INFLATED') return s.classSize >= 16;
  return s.classSize >= 8;
}

function plantKinds(rng: Random, schools: SchoolPlan[], regionIds: number[]): void {
  for (const regionId of regionIds) {
    const inRegion = schools.filter((s) => s.regionId === regionId);
    for (const kind of Object.keys(PLANTED_SHARES) as TruthKind[]) {
      const want = Math.max(1, Math.round(PLANTED_SHARES[kind] * inRegion.length));
      const pool = rng.shuffle(inRegion.filter((s) => s.kind === null && eligible(kind, s)));
      for (const s of pool.slice(0, want)) {
        s.kind = kind;
        s.advancedMath = false;
      }
    }
  }
}

/** Years an IMPROVING school is planted low: the first half (rounded up). */
export function improvingLowYears(years: readonly number[]): number {
  return Math.ceil(years.length / 2);
}

function assignAbility(
  rng: Random,
  s: SchoolPlan,
  regionEffect: number,
  municipalityEffect: number,
  years: readonly number[],
) {
  const stable = municipalityEffect + TYPE_EFFECT[s.type] - 0.12 * s.context + 0.14 * rng.normal();
  let e = YEAR_SD * rng.normal();
  const ordinary: number[] = [];
  const yearNoise: number[] = [];
  for (let t = 0; t < years.length; t++) {
    if (t > 0) e = RHO * e + Math.sqrt(1 - RHO * RHO) * YEAR_SD * rng.normal();
    yearNoise.push(e);
    let theta = stable + e;
    if (!isSelective(s)) theta = Math.min(theta, ORDINARY_CEILING - 0.05 * rng.next());
    // Schools without grade 11 have no ЕГЭ part in lowIndex, and that renormalisation alone ranks them
    // lower: their floor is raised so that no type is structurally stuck in the worst decile.
    theta = Math.max(theta, ORDINARY_FLOOR + (s.topGrade === 11 ? 0 : 0.1) + 0.05 * rng.next());
    ordinary.push(regionEffect + theta);
  }
  const low = (t: number) => regionEffect + PLANTED_LOW_SHIFT + 0.3 * (yearNoise[t] ?? 0);
  switch (s.kind) {
    case 'PERSISTENTLY_LOW':
      s.ability = years.map((_, t) => low(t));
      s.truthYears = [...years];
      break;
    case 'IMPROVING': {
      const lowCount = improvingLowYears(years);
      const rest = years.length - lowCount;
      s.ability = years.map((_, t) => {
        if (t < lowCount) return low(t);
        // After the low years: out of the low tail at once, then up to at least a region-average school.
        const w = (t - lowCount + 1) / rest;
        const target = Math.max(ordinary[t] ?? 0, regionEffect + 0.05);
        return (1 - w) * (regionEffect - 0.2) + w * target;
      });
      s.truthYears = years.slice(0, lowCount);
      break;
    }
    case 'INFLATED':
      s.ability = ordinary.map((x) => x - 0.15);
      s.truthYears = [...years];
      break;
    default:
      s.ability = ordinary;
  }
}

/** Everything but the result rows: places, schools with their latent parameters, and the truth. */
export function buildPlan(scale: ScaleName, seed: number): CountryPlan {
  const spec = SCALES[scale];
  const geo = buildGeography(spec, seed);
  const schools = buildSchools(geo, seed);
  plantKinds(
    new Random(seed, 3),
    schools,
    geo.regions.map((r) => r.id),
  );
  const regionEffect = new Map(geo.regions.map((r) => [r.id, r.effect]));
  const municipalityEffect = new Map(geo.municipalities.map((m) => [m.id, m.effect]));
  for (const s of schools) {
    assignAbility(
      new Random(seed, 4, s.id),
      s,
      regionEffect.get(s.regionId) ?? 0,
      municipalityEffect.get(s.municipalityId) ?? 0,
      spec.years,
    );
  }
  const truth: TruthEntry[] = schools
    .filter((s) => s.kind !== null)
    .map((s) => ({ schoolCode: s.code, kind: s.kind as TruthKind, years: s.truthYears }));
  return {
    scale,
    seed,
    years: spec.years,
    regions: geo.regions,
    municipalities: geo.municipalities,
    schools,
    truth,
  };
}
