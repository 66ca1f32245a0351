/** The last grade of the cohort view that writes ВПР, and the ОГЭ grade that ends it (§5). */
export const COHORT_LAST_VPR_GRADE = 8;
export const COHORT_OGE_GRADE = 9;
/** ВПР start in grade 4 (METHODOLOGY-V1 §1 core grades). */
export const COHORT_FIRST_GRADE = 4;

export interface CohortStep {
  year: number;
  grade: number;
  exam: 'VPR' | 'OGE';
}

/**
 * The (year, grade) steps of the cohort that is in `startGrade` in `startYear`: grade g in y, g + 1 in
 * y + 1, … ВПР through grade 8, then ОГЭ in grade 9. `lastYear` cuts the path at the newest year with
 * data, so a young cohort is listed only as far as it has got.
 */
export function cohortPath(startYear: number, startGrade: number, lastYear = Infinity): CohortStep[] {
  if (!Number.isInteger(startGrade) || startGrade < COHORT_FIRST_GRADE || startGrade > COHORT_OGE_GRADE) {
    throw new RangeError(
      `cohort start grade must be ${COHORT_FIRST_GRADE} … ${COHORT_OGE_GRADE}, got ${startGrade}`,
    );
  }
  const steps: CohortStep[] = [];
  for (let grade = startGrade; grade <= COHORT_OGE_GRADE; grade += 1) {
    const year = startYear + (grade - startGrade);
    if (year > lastYear) break;
    steps.push({ year, grade, exam: grade <= COHORT_LAST_VPR_GRADE ? 'VPR' : 'OGE' });
  }
  return steps;
}
