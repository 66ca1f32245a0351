import { SUBJECT_NAMES_RU } from '../../schema/enums.js';

/**
 * Short Russian labels of the API's enum values, as a document shows them (the code goes in its own
 * column). The long descriptions of api/graphql/enum-values.ts explain a value to a developer;
 * these name it for a reader of an order or a report, so they live with the exports.
 */
export const SHNOR_STATUS_RU: Readonly<Record<string, string>> = {
  ELIGIBLE: 'Соответствует критериям',
  REVIEW: 'Требует решения',
  NOT_ELIGIBLE: 'Не соответствует',
  INSUFFICIENT_DATA: 'Недостаточно данных',
};

/** Which rule of §2 decided the status (docs/methodology.md#evidence-and-explanation). */
export const STATUS_RULE_RU: Readonly<Record<string, string>> = {
  NO_RESULTS: 'Нет результатов за оба года',
  NOT_RANKED_BOTH_YEARS: 'Не ранжирована в оба года',
  NOT_RANKED_LIST_YEAR: 'Не ранжирована в год списка',
  NOT_RANKED_PREVIOUS_YEAR: 'Не ранжирована в прошлом году',
  NOT_LOW: 'Не в нижней группе хотя бы в один год',
  LOW_TWICE: 'В нижней группе два года подряд',
  LOW_TWICE_MARKED_REVIEW: 'Два года подряд, есть признаки необъективности — на решение',
  LOW_TWICE_MARKED_EXCLUDED: 'Два года подряд, исключена из-за признаков необъективности',
  LOW_TWICE_MARKED_IGNORED: 'Два года подряд, признаки необъективности не учитываются',
};

export const LIST_STATUS_RU: Readonly<Record<string, string>> = {
  DRAFT: 'Черновик',
  APPROVED: 'Утверждён',
  PUBLISHED: 'Опубликован',
};

export const LIST_DECISION_RU: Readonly<Record<string, string>> = {
  INCLUDE: 'Включить',
  EXCLUDE: 'Исключить',
};

export const RISK_LEVEL_RU: Readonly<Record<string, string>> = {
  HIGH: 'Высокий',
  MEDIUM: 'Средний',
  LOW: 'Низкий',
  NO_DATA: 'Нет данных',
};

export const SUBJECT_RU: Readonly<Record<string, string>> = SUBJECT_NAMES_RU;

/** An activity's status as of a date (roadmap export, SUPPORT-V1 §2). */
export const ACTIVITY_STATUS_RU: Readonly<Record<string, string>> = {
  PLANNED: 'Запланировано',
  IN_PROGRESS: 'Выполняется',
  DONE: 'Выполнено',
  OVERDUE: 'Просрочено',
};

/** A person's role in a working group, as an order names it; also the order members are listed in. */
export const WORKING_GROUP_ROLE_RU: Readonly<Record<string, string>> = {
  CHAIR: 'председатель',
  DEPUTY_CHAIR: 'заместитель председателя',
  SECRETARY: 'секретарь',
  MEMBER: 'член рабочей группы',
};

/** A school document's kind as a report names it (SUPPORT-V1 §1); `ANTI_RISK_PROGRAMME:R3` adds its factor. */
export const DOCUMENT_KIND_RU: Readonly<Record<string, string>> = {
  CONCEPT: 'концепция',
  MEDIUM_TERM_PROGRAMME: 'среднесрочная программа',
  ANTI_RISK_PROGRAMME: 'антирисковая программа',
  FAILING_STUDENTS_PLAN: 'план работы с неуспевающими',
  TEACHER_DEVELOPMENT_PLAN: 'план профессионального развития',
};
