import { describe, expect, it } from 'vitest';
import { type DiagnosticCounts, pooledShare2, schoolYearWindow } from './diagnostics-pool.js';
import { SUPPORT_V1 } from './params.js';

const PARAMS = SUPPORT_V1.monitoring; // diagStages (ENTRANCE, INTERMEDIATE), minDiagN 10
const YEAR = { from: '2026-09-01', to: '2027-08-31' };

const row = (
  grade: number,
  stage: DiagnosticCounts['stage'],
  date: string,
  participants: number,
  n2: number,
): DiagnosticCounts => ({ grade, stage, date, participants, n2 });

describe('pooledShare2 (SUPPORT-V1 §5 local diagnostics)', () => {
  it('pools the grades present in both stages; a grade of one stage only is left out of both', () => {
    const pool = pooledShare2(
      [
        row(5, 'ENTRANCE', '2026-09-18', 20, 6),
        row(8, 'ENTRANCE', '2026-09-18', 25, 5),
        row(6, 'ENTRANCE', '2026-09-18', 30, 15), // no intermediate: out
        row(5, 'INTERMEDIATE', '2026-11-26', 20, 4),
        row(8, 'INTERMEDIATE', '2026-11-26', 24, 3),
        row(7, 'INTERMEDIATE', '2026-11-26', 10, 9), // no entrance: out
        row(5, 'FINAL', '2027-05-15', 20, 1), // not a diagStage
      ],
      YEAR,
      PARAMS,
    );
    expect(pool.grades).toEqual([5, 8]);
    expect(pool.unpairedGrades).toEqual([6, 7]);
    // entrance (6 + 5) / (20 + 25) = 11/45; intermediate (4 + 3) / (20 + 24) = 7/44
    expect(pool.stages[0]).toEqual({
      stage: 'ENTRANCE',
      share2: 0.244444444444,
      n: 45,
      n2: 11,
      grades: [5, 8],
      firstDate: '2026-09-18',
      lastDate: '2026-09-18',
    });
    expect(pool.stages[1]).toMatchObject({ stage: 'INTERMEDIATE', share2: 0.159090909091, n: 44, n2: 7 });
    // 7/44 − 11/45 = (315 − 484) / 1980 = −169/1980 = −0.085353535353…
    expect(pool.change).toBe(-0.085353535354);
  });

  it('keeps the latest row per (grade, stage) within the window', () => {
    const pool = pooledShare2(
      [
        row(5, 'ENTRANCE', '2026-09-10', 20, 10),
        row(5, 'ENTRANCE', '2026-09-25', 20, 2), // latest: wins
        row(5, 'ENTRANCE', '2027-09-05', 20, 20), // next school year: outside
        row(5, 'INTERMEDIATE', '2026-12-01', 20, 1),
        row(5, 'INTERMEDIATE', '2026-11-20', 20, 8),
      ],
      YEAR,
      PARAMS,
    );
    expect(pool.stages.map((s) => [s.n2, s.n, s.share2, s.firstDate])).toEqual([
      [2, 20, 0.1, '2026-09-25'],
      [1, 20, 0.05, '2026-12-01'],
    ]);
    expect(pool.change).toBe(-0.05);
  });

  it('both ends of the window count; a day outside does not', () => {
    const rows = [
      row(4, 'ENTRANCE', '2026-09-01', 12, 3),
      row(4, 'INTERMEDIATE', '2027-08-31', 12, 6),
      row(9, 'ENTRANCE', '2026-08-31', 40, 40),
      row(9, 'INTERMEDIATE', '2027-09-01', 40, 40),
    ];
    const pool = pooledShare2(rows, YEAR, PARAMS);
    expect(pool.grades).toEqual([4]);
    expect(pool.unpairedGrades).toEqual([]);
    expect(pool.stages.map((s) => s.share2)).toEqual([0.25, 0.5]);
    expect(pool.change).toBe(0.25);
  });

  it('ΣN < minDiagN: share2 null (N still reported), change null; ΣN = minDiagN is defined', () => {
    const pool = pooledShare2(
      [row(5, 'ENTRANCE', '2026-09-18', 9, 3), row(5, 'INTERMEDIATE', '2026-11-26', 10, 2)],
      YEAR,
      PARAMS,
    );
    expect(pool.stages.map((s) => [s.share2, s.n])).toEqual([
      [null, 9],
      [0.2, 10],
    ]);
    expect(pool.change).toBeNull();
  });

  it('no rows, or none paired: empty pools, nothing defined', () => {
    for (const rows of [[], [row(5, 'ENTRANCE', '2026-09-18', 30, 3)]]) {
      const pool = pooledShare2(rows, YEAR, PARAMS);
      expect(pool.grades).toEqual([]);
      expect(pool.stages.map((s) => [s.share2, s.n, s.firstDate])).toEqual([
        [null, 0, null],
        [null, 0, null],
      ]);
      expect(pool.change).toBeNull();
    }
  });

  it('takes the stages and minimum as parameters (what-if or another version)', () => {
    const rows = [row(5, 'INTERMEDIATE', '2026-11-26', 4, 2), row(5, 'FINAL', '2027-05-15', 4, 1)];
    const pool = pooledShare2(rows, YEAR, { diagStages: ['INTERMEDIATE', 'FINAL'], minDiagN: 4 });
    expect(pool.stages.map((s) => [s.stage, s.share2])).toEqual([
      ['INTERMEDIATE', 0.5],
      ['FINAL', 0.25],
    ]);
    expect(pool.change).toBe(-0.25);
  });
});

describe('schoolYearWindow', () => {
  it('runs 1 Sep A … 31 Aug A + 1 (and from another month, to the day before it)', () => {
    expect(schoolYearWindow(2026, 9)).toEqual({ from: '2026-09-01', to: '2027-08-31' });
    expect(schoolYearWindow(2027, 3)).toEqual({ from: '2027-03-01', to: '2028-02-29' });
    expect(schoolYearWindow(2026, 1)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });
});
