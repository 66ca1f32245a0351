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
