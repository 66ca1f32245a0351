import { describe, expect, it } from 'vitest';
import { DEFAULT_V1 } from '../methodology/params.js';
import { computeMarkers } from './compute.js';
import { region, vpr, withMarkers } from './test-fixtures.js';
import { type Marker } from './types.js';

/*
 * School 1, RU: grade 4 in 2023 mean (4·4 + 5·6)/10 = 4.6; grade 5 in 2024 mean (3·2 + 4·8)/10 = 3.8
 * → school drop 0.8 (0.7999999999999998 in binary).
 * Region 77: grade 4 in 2023 mean 4.0; grade 5 in 2024 mean (3·30 + 4·70)/100 = 3.7 → region drop 0.3.
 * Difference 0.8 − 0.3 = 0.5 = cohortDropMeanMark: flags.
 */
const g4 = (rest = {}, n4 = 4, n5 = 6) => vpr({ n4, n5 }, { year: 2023, grade: 4, ...rest });
const g5 = (rest = {}, n3 = 2, n4 = 8) => vpr({ n3, n4 }, { year: 2024, grade: 5, ...rest });
const r4 = region({ n4: 100 }, { year: 2023, grade: 4 });
const r5 = region({ n3: 30, n4: 70 }, { year: 2024, grade: 5 });
const drops = (ms: Marker[]) => ms.filter((m) => m.code === 'COHORT_DROP');

describe('COHORT_DROP', () => {
  it('flags a difference of exactly 0.5 and attaches it to (2023, grade 4)', () => {
    const ms = computeMarkers([g4(), g5()], [r4, r5], DEFAULT_V1);
    expect(ms).toEqual([
      {
        schoolId: 1,
        year: 2023,
        grade: 4,
        subject: 'RU',
        code: 'COHORT_DROP',
        value: 0.5,
        threshold: 0.5,
        regionValue: 0.3,
        detail:
          'средняя отметка 4,60 (4 кл., 2023) → 3,80 (5 кл., 2024): падение 0,80 при 0,30 по региону (разница 0,50 ≥ 0,5)',
        figures: {
          participants: 10,
          meanMark: 4.6,
          nextMeanMark: 3.8,
          nextParticipants: 10,
          regionMeanMark: 4,
          regionNextMeanMark: 3.7,
          schoolDrop: 0.8,
          regionDrop: 0.3,
        },
      },
    ]);
  });

  it('does not flag just below: region grade 5 mean 3.69 → region drop 0.31, difference 0.49', () => {
    const r5Lower = region({ n3: 31, n4: 69 }, { year: 2024, grade: 5 }); // (93 + 276)/100
    expect(computeMarkers([g4(), g5()], [r4, r5Lower], DEFAULT_V1)).toEqual([]);
  });

  it('needs both rows with N ≥ 10', () => {
    expect(computeMarkers([g4({}, 3, 6), g5()], [r4, r5], DEFAULT_V1)).toEqual([]); // grade 4 N = 9
    expect(computeMarkers([g4(), g5({}, 1, 8)], [r4, r5], DEFAULT_V1)).toEqual([]); // grade 5 N = 9
  });

  it('leaves the newest year’s grade 4 without the marker: nothing to pair it with yet', () => {
    const newest = g4({ year: 2024 }, 0, 10); // mean 5.0, whatever happens next year
    const ms = computeMarkers(
      [g4(), g5(), newest],
      [r4, r5, region({ n3: 100 }, { year: 2024 })],
      DEFAULT_V1,
    );
    expect(drops(ms).map((m) => [m.year, m.grade])).toEqual([[2023, 4]]);
  });

  it('pairs only the same school, the same subject and the next year', () => {
    expect(computeMarkers([g4(), g5({ schoolId: 2 })], [r4, r5], DEFAULT_V1)).toEqual([]);
    expect(computeMarkers([g4(), g5({ subject: 'MA' })], [r4, r5], DEFAULT_V1)).toEqual([]);
    const r5Later = region({ n3: 30, n4: 70 }, { year: 2025, grade: 5 });
    expect(computeMarkers([g4(), g5({ year: 2025 })], [r4, r5Later], DEFAULT_V1)).toEqual([]);
  });

  it('needs both region rows', () => {
    expect(computeMarkers([g4(), g5()], [r4], DEFAULT_V1)).toEqual([]);
    expect(computeMarkers([g4(), g5()], [r5], DEFAULT_V1)).toEqual([]);
  });

  it('is limited to cohortSubjects and raised for gymnasiums too', () => {
    const om = { subject: 'OM' };
    const omRegions = [
      region({ n4: 100 }, { year: 2023, grade: 4, ...om }),
      region({ n3: 30, n4: 70 }, { year: 2024, grade: 5, ...om }),
    ];
    expect(computeMarkers([g4(om), g5(om)], omRegions, DEFAULT_V1)).toEqual([]);
    expect(
      drops(computeMarkers([g4(om), g5(om)], omRegions, withMarkers({ cohortSubjects: ['OM'] }))),
    ).toHaveLength(1);
    const gym = { schoolType: 'GYMNASIUM' };
    expect(drops(computeMarkers([g4(gym), g5(gym)], [r4, r5], DEFAULT_V1))).toHaveLength(1);
  });

  it('follows the cut-off override', () => {
    expect(computeMarkers([g4(), g5()], [r4, r5], withMarkers({ cohortDropMeanMark: 0.51 }))).toEqual([]);
  });
});
