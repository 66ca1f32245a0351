/** Codes of DATA-FORMATS.md: what the platform stores. Russian names live beside them for import and display. */

export enum Subject {
  RU = 'RU',
  MA = 'MA',
  MAA = 'MAA',
  MAP = 'MAP',
  MAB = 'MAB',
  OM = 'OM',
  LR = 'LR',
  LI = 'LI',
  HI = 'HI',
  SO = 'SO',
  GE = 'GE',
  BI = 'BI',
  PH = 'PH',
  CH = 'CH',
  IN = 'IN',
  EN = 'EN',
  DE = 'DE',
  FR = 'FR',
}

export const SUBJECT_NAMES_RU: Record<Subject, string> = {
  RU: 'Русский язык',
  MA: 'Математика',
  MAA: 'Математика (углублённый уровень)',
  MAP: 'Математика профильная',
  MAB: 'Математика базовая',
  OM: 'Окружающий мир',
  LR: 'Литературное чтение',
  LI: 'Литература',
  HI: 'История',
  SO: 'Обществознание',
  GE: 'География',
  BI: 'Биология',
  PH: 'Физика',
  CH: 'Химия',
  IN: 'Информатика',
  EN: 'Английский язык',
  DE: 'Немецкий язык',
  FR: 'Французский язык',
};

/** Grades that write ВПР. */
export const VPR_GRADES = [4, 5, 6, 7, 8, 10, 11] as const;
export type VprGrade = (typeof VPR_GRADES)[number];

/** Subjects that belong to each kind of result (DATA-FORMATS.md). */
export const VPR_SUBJECTS: readonly Subject[] = Object.values(Subject).filter(
  (s) => s !== Subject.MAP && s !== Subject.MAB,
);
export const OGE_SUBJECTS: readonly Subject[] = Object.values(Subject).filter(
  (s) => s !== Subject.MAA && s !== Subject.MAP && s !== Subject.MAB,
);
export const EGE_SUBJECTS: readonly Subject[] = Object.values(Subject).filter(
  (s) => s !== Subject.MA && s !== Subject.MAA,
);
/** MAA is written only in ВПР grades 7–8. */
export const MAA_GRADES: readonly number[] = [7, 8];

export enum SchoolType {
  SOSH = 'SOSH',
  OOSH = 'OOSH',
  NOSH = 'NOSH',
  GYMNASIUM = 'GYMNASIUM',
  LYCEUM = 'LYCEUM',
  BOARDING = 'BOARDING',
  EDUCATION_CENTER = 'EDUCATION_CENTER',
}

export const SCHOOL_TYPE_NAMES_RU: Record<SchoolType, string> = {
  SOSH: 'СОШ',
  OOSH: 'ООШ',
  NOSH: 'НОШ',
  GYMNASIUM: 'гимназия',
  LYCEUM: 'лицей',
  BOARDING: 'школа-интернат',
  EDUCATION_CENTER: 'центр образования',
};

export enum Locality {
  CITY = 'CITY',
  VILLAGE = 'VILLAGE',
  URBAN_SETTLEMENT = 'URBAN_SETTLEMENT',
}

export const LOCALITY_NAMES_RU: Record<Locality, string> = {
  CITY: 'город',
  VILLAGE: 'село',
  URBAN_SETTLEMENT: 'пгт',
};

/** How an ЕГЭ minimum is expressed: a test score (RU 24, MAP 27) or a mark (MAB: mark < 3). */
export enum EgeThresholdScale {
  TEST_SCORE = 'TEST_SCORE',
  MARK = 'MARK',
}

/*
 * The support system (SUPPORT-V1.md §1). Stored as text with a check constraint of these values,
 * as the workflow codes of the ШНОР list are (shnor_list.status); the ФИС ОКО codes above are
 * PostgreSQL enums.
 */

/** Roadmap (дорожная карта) level: whose roadmap it is. */
export enum RoadmapLevel {
  REGION = 'REGION',
  MUNICIPALITY = 'MUNICIPALITY',
  SCHOOL = 'SCHOOL',
}

/** SUPPORT-V1 §2: how an activity's deadline text was read (analytics/support/deadlines.ts). */
export enum DeadlineKind {
  WHOLE_PERIOD = 'WHOLE_PERIOD',
  NO_DUE = 'NO_DUE',
  PERIOD_YEAR = 'PERIOD_YEAR',
  SCHOOL_YEAR = 'SCHOOL_YEAR',
  YEAR = 'YEAR',
  DATE = 'DATE',
  QUARTER = 'QUARTER',
  MONTHS = 'MONTHS',
  UNPARSED = 'UNPARSED',
}

/** Deadline kinds without a start and a due date (never overdue). */
export const UNDATED_DEADLINE_KINDS: readonly DeadlineKind[] = [DeadlineKind.NO_DUE, DeadlineKind.UNPARSED];

/** A recorded activity status; OVERDUE is derived as of a date, never stored. */
export enum ActivityRecordStatus {
  PLANNED = 'PLANNED',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
}

/** What a school reports about an activity. */
export enum ActivityReportStatus {
  DONE = 'DONE',
  IN_PROGRESS = 'IN_PROGRESS',
  NOT_DONE = 'NOT_DONE',
}

/** A member's role in a working group: one CHAIR, at most one SECRETARY. */
export enum WorkingGroupRole {
  CHAIR = 'CHAIR',
  DEPUTY_CHAIR = 'DEPUTY_CHAIR',
  SECRETARY = 'SECRETARY',
  MEMBER = 'MEMBER',
}

/** COORDINATOR of a municipality, CURATOR of a school. */
export enum AssignmentKind {
  COORDINATOR = 'COORDINATOR',
  CURATOR = 'CURATOR',
}

/** A school's document of a list year; ANTI_RISK_PROGRAMME is written per risk factor R1..R10. */
export enum SchoolDocumentKind {
  CONCEPT = 'CONCEPT',
  MEDIUM_TERM_PROGRAMME = 'MEDIUM_TERM_PROGRAMME',
  ANTI_RISK_PROGRAMME = 'ANTI_RISK_PROGRAMME',
  FAILING_STUDENTS_PLAN = 'FAILING_STUDENTS_PLAN',
  TEACHER_DEVELOPMENT_PLAN = 'TEACHER_DEVELOPMENT_PLAN',
}

/** DRAFT → SUBMITTED → APPROVED | RETURNED (with a comment) → SUBMITTED. */
export enum DocumentStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  RETURNED = 'RETURNED',
}

/**
 * The statuses a document's next record may have, after each status (SUPPORT-V1 §1), and for its
 * first record: a draft, or — in a status log imported from a spreadsheet — its submission.
 */
export const DOCUMENT_NEXT_STATUSES: Readonly<Record<DocumentStatus | 'FIRST', readonly DocumentStatus[]>> = {
  FIRST: [DocumentStatus.DRAFT, DocumentStatus.SUBMITTED],
  [DocumentStatus.DRAFT]: [DocumentStatus.SUBMITTED],
  [DocumentStatus.SUBMITTED]: [DocumentStatus.APPROVED, DocumentStatus.RETURNED],
  [DocumentStatus.RETURNED]: [DocumentStatus.SUBMITTED],
  [DocumentStatus.APPROVED]: [],
};

export enum EventKind {
  SEMINAR = 'SEMINAR',
  WEBINAR = 'WEBINAR',
  COURSE = 'COURSE',
  MEETING = 'MEETING',
  OPEN_LESSON = 'OPEN_LESSON',
}

export enum EventLevel {
  SCHOOL = 'SCHOOL',
  MUNICIPALITY = 'MUNICIPALITY',
  REGION = 'REGION',
  FEDERAL = 'FEDERAL',
}

/** Local diagnostics (входной/промежуточный/итоговый мониторинг) are written in RU and MA only. */
export enum DiagnosticSubject {
  RU = 'RU',
  MA = 'MA',
}

export enum DiagnosticStage {
  ENTRANCE = 'ENTRANCE',
  INTERMEDIATE = 'INTERMEDIATE',
  FINAL = 'FINAL',
}

/** Risk factors R1..R10 of METHODOLOGY-V1 §4, stored as their number. */
export const RISK_FACTOR_MIN = 1;
export const RISK_FACTOR_MAX = 10;
