import {
  EGE_SUBJECTS,
  MAA_GRADES,
  OGE_SUBJECTS,
  Subject,
  VPR_GRADES,
  VPR_SUBJECTS,
} from '../../../schema/enums.js';
import { badUserInput } from '../../errors.js';

/** Argument checks shared by every resolver, each naming the argument it rejects. */

const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

export function checkYear(argument: string, year: number | null | undefined): void {
  if (year === null || year === undefined) return;
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    throw badUserInput(
      argument,
      `${argument}: year must be between ${FIRST_YEAR} and ${LAST_YEAR} (got ${year})`,
    );
  }
}

export function checkVprGrade(argument: string, grade: number | null | undefined): void {
  if (grade === null || grade === undefined) return;
  if (!(VPR_GRADES as readonly number[]).includes(grade)) {
    throw badUserInput(
      argument,
      `${argument}: ВПР is written in grades ${VPR_GRADES.join(', ')} (got ${grade})`,
    );
  }
}

export type ResultKind = 'VPR' | 'OGE' | 'EGE';

const SUBJECTS_OF: Record<ResultKind, readonly Subject[]> = {
  VPR: VPR_SUBJECTS,
  OGE: OGE_SUBJECTS,
  EGE: EGE_SUBJECTS,
};
const NAME_OF: Record<ResultKind, string> = { VPR: 'ВПР', OGE: 'ОГЭ', EGE: 'ЕГЭ' };

export function checkSubject(argument: string, kind: ResultKind, subject: Subject | null | undefined): void {
  if (subject === null || subject === undefined) return;
  if (!SUBJECTS_OF[kind].includes(subject)) {
    const hint = kind === 'EGE' && subject === Subject.MA ? ' (ЕГЭ maths is MAP or MAB)' : '';
    throw badUserInput(argument, `${argument}: ${subject} is not a ${NAME_OF[kind]} subject${hint}`);
  }
}

/** MAA (advanced maths) exists only in ВПР grades 7–8. */
export function checkVprSubjectGrade(
  argument: string,
  subject: Subject | null | undefined,
  grade: number | null | undefined,
): void {
  if (subject === Subject.MAA && grade !== null && grade !== undefined && !MAA_GRADES.includes(grade)) {
    throw badUserInput(
      argument,
      `${argument}: MAA is written only in grades ${MAA_GRADES.join(', ')} (got grade ${grade})`,
    );
  }
}

export function checkEach<T>(
  argument: string,
  values: readonly T[] | null | undefined,
  check: (arg: string, v: T) => void,
): void {
  values?.forEach((v, i) => check(`${argument}[${i}]`, v));
}
