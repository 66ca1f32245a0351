import { SchoolType, Subject } from '../schema/enums.js';
import type { GeneratedCountry } from './generate.js';
import { spikeFloor } from './scores.js';
import { egeRows, ogeRows } from './gia.js';
import { vprRows, type VprRow } from './vpr.js';

/**
 * An in-memory re-implementation of the METHODOLOGY-V1 §1 low index and the §3 markers (without the
 * 12-decimal rounding), to check that the planted groups are recoverable. For tests and probes only.
 */

export interface SchoolYear {
  schoolId: number;
  year: number;
  vprLow: number | null;
  lowIndex: number | null;
  lowRank: number | null;
  markers: Set<string>;
  core: { n: number; n2: number };
}

const CORE = new Set<Subject>([Subject.RU, Subject.MA, Subject.MAA]);
type Pool = { n: number; a: number; n4: number; mark: number };
const pool = (): Pool => ({ n: 0, a: 0, n4: 0, mark: 0 });

export function analyse(country: GeneratedCountry): Map<string, SchoolYear> {
  const schoolById = new Map(country.schools.map((s) => [s.id, s]));
  const key = (s: number, y: number) => `${s}:${y}`;
  const out = new Map<string, SchoolYear>();
  const get = (s: number, y: number): SchoolYear => {
    let v = out.get(key(s, y));
    if (!v) {
      v = {
        schoolId: s,
        year: y,
        vprLow: null,
        lowIndex: null,
        lowRank: null,
        markers: new Set(),
        core: { n: 0, n2: 0 },
      };
      out.set(key(s, y), v);
    }
    return v;
  };
  const region = new Map<string, Pool>();
  const rows: VprRow[] = [];
  for (const row of vprRows(country)) {
    const [s, y, g, j, n, n2, n3, n4, n5] = row;
    const r = schoolById.get(s)?.regionId ?? 0;
    const p = region.get(`${r}:${y}:${g}:${j}`) ?? pool();
    region.set(`${r}:${y}:${g}:${j}`, p);
    p.n += n;
    p.n4 += n4 + n5;
    p.mark += 2 * n2 + 3 * n3 + 4 * n4 + 5 * n5;
    if (g <= 8 && CORE.has(j)) {
      const v = get(s, y);
      v.core.n += n;
      v.core.n2 += n2;
      rows.push(row);
    }
  }
  const mean = (r: VprRow) => (2 * r[5] + 3 * r[6] + 4 * r[7] + 5 * r[8]) / r[4];
  const byKey = new Map(rows.map((r) => [`${r[0]}:${r[1]}:${r[2]}:${r[3]}`, r]));
  for (const row of rows) {
    const [s, y, g, j, n, , , n4, n5, , , raised, scores, max] = row;
    if (n < 10) continue;
    const school = schoolById.get(s);
    const r = school?.regionId ?? 0;
    const v = get(s, y);
    const reg = region.get(`${r}:${y}:${g}:${j}`) ?? pool();
    const selective = school?.type === SchoolType.GYMNASIUM || school?.type === SchoolType.LYCEUM;
    if (!selective && (n4 + n5) / n - reg.n4 / reg.n >= 0.25) v.markers.add(`HIGH_VS_REGION:${g}${j}`);
    if (raised !== null && raised / n >= 0.2) v.markers.add(`JOURNAL_MISMATCH:${g}${j}`);
    if (
      scores &&
      max !== null &&
      scores.some((c, p) => p >= spikeFloor({ max, from: [0, 0, 0, 0] }) && c / n >= 0.25)
    )
      v.markers.add(`SCORE_SPIKE:${g}${j}`);
    const next = byKey.get(`${s}:${y + 1}:5:${j}`);
    const reg5 = region.get(`${r}:${y + 1}:5:${j}`);
    if (g === 4 && next && reg5 && next[4] >= 10) {
      const diff = mean(row) - mean(next) - (reg.mark / reg.n - reg5.mark / reg5.n);
      if (diff >= 0.5) v.markers.add(`COHORT_DROP:${g}${j}`);
    }
  }
  const gia = (s: number, y: number, which: 'oge' | 'ege') => {
    const v = get(s, y) as SchoolYear & { oge?: [number, number]; ege?: [number, number] };
    return (v[which] ??= [0, 0]);
  };
  for (const [s, y, , n, n2] of ogeRows(country)) {
    const p = gia(s, y, 'oge');
    p[0] += n2;
    p[1] += n;
  }
  for (const [s, y, , n, below] of egeRows(country)) {
    const p = gia(s, y, 'ege');
    p[0] += below;
    p[1] += n;
  }
  const groups = new Map<string, SchoolYear[]>();
  for (const v of out.values()) {
    if (v.core.n < 20) continue;
    v.vprLow = v.core.n2 / v.core.n;
    const ext = v as SchoolYear & { oge?: [number, number]; ege?: [number, number] };
    let sum = 0.5 * v.vprLow;
    let w = 0.5;
    for (const part of [ext.oge, ext.ege])
      if (part && part[1] >= 5) {
        sum += (0.25 * part[0]) / part[1];
        w += 0.25;
      }
    v.lowIndex = sum / w;
    const g = `${schoolById.get(v.schoolId)?.regionId}:${v.year}`;
    groups.set(g, [...(groups.get(g) ?? []), v]);
  }
  for (const list of groups.values()) {
    // PERCENT_RANK ascending: (rank − 1)/(n − 1), ties share the lowest rank.
    const sorted = list.map((v) => v.lowIndex ?? 0).sort((a, b) => a - b);
    for (const v of list) {
      const rank = sorted.findIndex((x) => x === v.lowIndex);
      v.lowRank = list.length === 1 ? 0 : rank / (list.length - 1);
    }
  }
  return out;
}
