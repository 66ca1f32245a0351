import {
  EGE_SUBJECTS,
  MAA_GRADES,
  OGE_SUBJECTS,
  Subject,
  SUBJECT_NAMES_RU,
  VPR_SUBJECTS,
} from '../../schema/enums.js';
import { normalizeHeader } from './headers.js';
import { reason } from './values.js';
import { type Reason } from './types.js';

/** Subject names as exports write them (normalised like headers), besides the codes and SUBJECT_NAMES_RU. */
const EXTRA_NAMES: Readonly<Record<string, Subject>> = {
  'иностранный язык (английский)': Subject.EN,
  'иностранный язык (немецкий)': Subject.DE,
  'иностранный язык (французский)': Subject.FR,
  'математика (профильный уровень)': Subject.MAP,
  'математика профильного уровня': Subject.MAP,
  'математика (профильная)': Subject.MAP,
  'математика (базовый уровень)': Subject.MAB,
  'математика базового уровня': Subject.MAB,
  'математика (базовая)': Subject.MAB,
  'математика (углубленная)': Subject.MAA,
};

const BY_NAME: ReadonlyMap<string, Subject> = new Map<string, Subject>([
  ...Object.values(Subject).map((code) => [code.toLowerCase(), code] as const),
  ...Object.entries(SUBJECT_NAMES_RU).map(
    ([code, name]) => [normalizeHeader(name), code as Subject] as const,
  ),
  ...Object.entries(EXTRA_NAMES),
]);

/** Raw cell text → subject: a file repeats a dozen spellings a million times, normalising each once. */
const seen = new Map<string, Subject | undefined>();
const SEEN_LIMIT = 10_000;

export function subjectByName(text: string): Subject | undefined {
  if (seen.has(text)) return seen.get(text);
  const subject = BY_NAME.get(normalizeHeader(text));
  if (seen.size < SEEN_LIMIT) seen.set(text, subject);
  return subject;
}

export type ResultKind = 'vpr' | 'oge' | 'ege';

const UNKNOWN = reason('неизвестный предмет', 'unknown subject');
const ONLY_EGE = reason(
  'профильная и базовая математика (MAP, MAB) бывают только в ЕГЭ',
  'profile and base mathematics (MAP, MAB) exist only in ЕГЭ (EGE)',
);
const MAA_ONLY_VPR_7_8 = reason(
  'углублённая математика (MAA) пишется только в ВПР 7–8 классов',
  'advanced mathematics (MAA) is written only in ВПР (VPR) grades 7–8',
);
const PLAIN_MATHS_IN_EGE = reason(
  'в ЕГЭ нет просто «Математики»: укажите профильную (MAP) или базовую (MAB)',
  'ЕГЭ (EGE) has no plain «Математика»: give profile (MAP) or base (MAB) mathematics',
);

/** The subject of a row of `kind` (grade for ВПР), or why it cannot be: DATA-FORMATS.md «Subjects». */
export function subjectFor(text: string, kind: ResultKind, grade: number | null): Subject | Reason {
  const subject = subjectByName(text);
  if (!subject) return UNKNOWN;
  if (kind === 'ege') {
    if (subject === Subject.MA) return PLAIN_MATHS_IN_EGE;
    if (subject === Subject.MAA) return MAA_ONLY_VPR_7_8;
    return EGE_SUBJECTS.includes(subject) ? subject : UNKNOWN;
  }
  if (subject === Subject.MAP || subject === Subject.MAB) return ONLY_EGE;
  if (subject === Subject.MAA && (kind !== 'vpr' || (grade !== null && !MAA_GRADES.includes(grade)))) {
    return MAA_ONLY_VPR_7_8;
  }
  return (kind === 'vpr' ? VPR_SUBJECTS : OGE_SUBJECTS).includes(subject) ? subject : UNKNOWN;
}
