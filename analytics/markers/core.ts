import { type MethodologyParams } from '../methodology/params.js';
import { type Marker } from './types.js';

/** The key of a school-year in `coreMarkedSchoolYears`. */
export const schoolYearKey = (schoolId: number, year: number): string => `${schoolId}:${year}`;

/**
 * School-years (`${schoolId}:${year}`) with a marker on a core (g, j) — g ∈ coreGrades, j ∈ coreSubjects.
 * Only those cast doubt on vprLow, which pools exactly the core set; that is what eligibility (§2)
 * and resilience (§6) look at.
 */
export function coreMarkedSchoolYears(markers: readonly Marker[], params: MethodologyParams): Set<string> {
  const grades = new Set(params.indicators.coreGrades);
  const subjects = new Set(params.indicators.coreSubjects);
  const out = new Set<string>();
  for (const m of markers) {
    if (grades.has(m.grade) && subjects.has(m.subject)) out.add(schoolYearKey(m.schoolId, m.year));
  }
  return out;
}
