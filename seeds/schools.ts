import { Locality, SchoolType } from '../schema/enums.js';
import { PATRONS, REAL_SCHOOLS, TOWN_NAMES, VILLAGE_NAMES } from './places.js';
import type { Geography } from './geography.js';
import type { SchoolPlan } from './model.js';
import { Random } from './random.js';

/** The schools of every municipality: real ones first, then generated ones with a realistic type mix. */

type Mix = readonly (readonly [SchoolType, number])[];

const CITY_MIX: Mix = [
  [SchoolType.SOSH, 0.66],
  [SchoolType.GYMNASIUM, 0.1],
  [SchoolType.LYCEUM, 0.08],
  [SchoolType.EDUCATION_CENTER, 0.06],
  [SchoolType.OOSH, 0.04],
  [SchoolType.BOARDING, 0.03],
  [SchoolType.NOSH, 0.03],
];
const SETTLEMENT_MIX: Mix = [
  [SchoolType.SOSH, 0.8],
  [SchoolType.GYMNASIUM, 0.07],
  [SchoolType.LYCEUM, 0.04],
  [SchoolType.OOSH, 0.05],
  [SchoolType.EDUCATION_CENTER, 0.04],
];
const VILLAGE_MIX: Mix = [
  [SchoolType.SOSH, 0.6],
  [SchoolType.OOSH, 0.25],
  [SchoolType.NOSH, 0.08],
  [SchoolType.BOARDING, 0.03],
  [SchoolType.EDUCATION_CENTER, 0.04],
];

/** Student numbers [min, max] by type in a city (villages get a third to a half of it). */
const CITY_STUDENTS: Readonly<Record<SchoolType, readonly [number, number]>> = {
  SOSH: [450, 1400],
  GYMNASIUM: [600, 1200],
  LYCEUM: [550, 1100],
  EDUCATION_CENTER: [300, 900],
  OOSH: [150, 400],
  BOARDING: [100, 300],
  NOSH: [60, 200],
};
const VILLAGE_STUDENTS: Readonly<Record<SchoolType, readonly [number, number]>> = {
  SOSH: [45, 380],
  GYMNASIUM: [300, 700],
  LYCEUM: [300, 650],
  EDUCATION_CENTER: [80, 320],
  OOSH: [15, 130],
  BOARDING: [50, 220],
  NOSH: [4, 40],
};

function schoolName(rng: Random, type: SchoolType, locality: Locality, place: string, n: number): string {
  const patron = rng.chance(0.2) ? ` имени ${rng.pick(PATRONS)}` : '';
  const where =
    locality === Locality.CITY
      ? `г. ${place}`
      : locality === Locality.VILLAGE
        ? `с. ${place}`
        : `пгт ${place}`;
  switch (type) {
    case SchoolType.GYMNASIUM:
      return `МАОУ гимназия № ${n}${patron} ${where}`;
    case SchoolType.LYCEUM:
      return `МАОУ лицей № ${n}${patron} ${where}`;
    case SchoolType.EDUCATION_CENTER:
      return `МБОУ «Центр образования № ${n}» ${where}`;
    case SchoolType.BOARDING:
      return `ГБОУ школа-интернат № ${n} ${where}`;
    case SchoolType.OOSH:
      return `МБОУ ООШ № ${n}${patron} ${where}`;
    case SchoolType.NOSH:
      return `МБОУ НОШ № ${n} ${where}`;
    default:
      return `МБОУ СОШ № ${n}${patron} ${where}`;
  }
}

function topGrade(rng: Random, type: SchoolType): 4 | 9 | 11 {
  if (type === SchoolType.NOSH) return 4;
  if (type === SchoolType.OOSH) return 9;
  if (type === SchoolType.BOARDING) return rng.chance(0.5) ? 11 : 9;
  return 11;
}

/** Builds school skeletons; latent ability and planted kinds are added by plan.ts. */
export function buildSchools(geo: Geography, seed: number): SchoolPlan[] {
  const rng = new Random(seed, 2);
  const regionById = new Map(geo.regions.map((r) => [r.id, r]));
  const perRegion = new Map<number, number>();
  const schools: SchoolPlan[] = [];

  for (const m of geo.municipalities) {
    const region = regionById.get(m.regionId);
    if (!region) throw new Error(`municipality ${m.name} without region`);
    const count = geo.schoolCounts.get(m.id) ?? 0;
    const real = REAL_SCHOOLS.filter((s) => s.municipality === m.name);
    const town = m.city
      ? m.name.replace(/^город /, '').replace(/ (район|управление|городской округ)$/, '')
      : rng.pick(TOWN_NAMES);
    for (let k = 0; k < Math.max(count, real.length); k++) {
      const known = real[k];
      let type: SchoolType;
      let locality: Locality;
      let name: string;
      if (known) {
        ({ type, locality, name } = known);
      } else {
        locality = m.city
          ? Locality.CITY
          : k === real.length
            ? Locality.URBAN_SETTLEMENT
            : rng.weighted([
                [Locality.VILLAGE, 0.85],
                [Locality.URBAN_SETTLEMENT, 0.15],
              ]);
        type = rng.weighted(
          locality === Locality.CITY
            ? CITY_MIX
            : locality === Locality.VILLAGE
              ? VILLAGE_MIX
              : SETTLEMENT_MIX,
        );
        const place = locality === Locality.VILLAGE ? rng.pick(VILLAGE_NAMES) : town;
        name = schoolName(rng, type, locality, place, k + 1);
      }
      const [lo, hi] = (locality === Locality.VILLAGE ? VILLAGE_STUDENTS : CITY_STUDENTS)[type];
      const students = rng.int(lo, locality === Locality.URBAN_SETTLEMENT ? Math.round((lo + hi) / 1.6) : hi);
      const top = topGrade(rng, type);
      const seq = (perRegion.get(region.id) ?? 0) + 1;
      perRegion.set(region.id, seq);
      const advancedOdds =
        type === SchoolType.GYMNASIUM || type === SchoolType.LYCEUM ? 0.6 : m.city ? 0.15 : 0.04;
      schools.push({
        id: schools.length + 1,
        code: `sch${region.code}${String(seq).padStart(4, '0')}`,
        name,
        municipalityId: m.id,
        regionId: region.id,
        type,
        locality,
        students,
        topGrade: top,
        classSize: Math.max(1, Math.round(students / (top === 4 ? 4 : top))),
        context: m.context + 0.8 * rng.normal() + (locality === Locality.VILLAGE ? 0.2 : 0),
        advancedMath: top >= 9 && rng.chance(advancedOdds),
        real: known !== undefined,
        kind: null,
        ability: [],
        truthYears: [],
      });
    }
  }
  return schools;
}
