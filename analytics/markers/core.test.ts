import { describe, expect, it } from 'vitest';
import { DEFAULT_V1 } from '../methodology/params.js';
import { coreMarkedSchoolYears } from './core.js';
import { type Marker } from './types.js';

const marker = (schoolId: number, year: number, grade: number, subject: string): Marker => ({
  schoolId,
  year,
  grade,
  subject,
  code: 'JOURNAL_MISMATCH',
  value: 0.3,
  threshold: 0.2,
  regionValue: null,
  detail: '',
  figures: { participants: 10 },
});

describe('coreMarkedSchoolYears', () => {
  it('keeps school-years with a marker on a core grade × subject', () => {
    const set = coreMarkedSchoolYears(
      [
        marker(1, 2023, 4, 'RU'), // core
        marker(2, 2023, 4, 'OM'), // subject not core
        marker(3, 2023, 10, 'RU'), // grade not core
        marker(4, 2024, 7, 'MAA'), // core: MAA is in the core set
        marker(1, 2023, 5, 'MA'), // same school-year again
      ],
      DEFAULT_V1,
    );
    expect([...set].sort()).toEqual(['1:2023', '4:2024']);
  });

  it('follows the core set of the parameters', () => {
    const params = { ...DEFAULT_V1, indicators: { ...DEFAULT_V1.indicators, coreSubjects: ['OM'] } };
    expect([...coreMarkedSchoolYears([marker(1, 2023, 4, 'RU'), marker(2, 2023, 4, 'OM')], params)]).toEqual([
      '2:2023',
    ]);
  });
});
