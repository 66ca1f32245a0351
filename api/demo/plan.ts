import { readFileSync } from 'node:fs';
import {
  ActivityRecordStatus,
  ActivityReportStatus,
  EventKind,
  EventLevel,
  SchoolDocumentKind,
  WorkingGroupRole,
} from '../../schema/enums.js';

/**
 * What the demo's support year holds (api/demo/support-year.ts writes it through the services):
 * fixed text and dates, every date given as a day of the list year Y (or Y + 1) so that the year
 * moves with the demo's data, never with today's date. The people are invented; the roadmap and
 * its order are those of seed document 001 (Пономаревский район), their years moved from
 * 2020/2021 to Y/Y + 1, imported for the demo's municipality.
 */

/**
 * Region 56, as the seed documents; the municipality is the one of its with the most schools on the
 * list (the lowest id of a tie) — seed 001's own Пономаревский район has none on the demo's list.
 */
export const DEMO_REGION_CODE = '56';

/** The municipality's education department, named after it. */
export const educationDepartment = (municipalityName: string) =>
  `Отдел образования администрации муниципального образования «${municipalityName}»`;

/** A day of the list year Y (`offset` 0) or of Y + 1: «MM-DD». */
export type Day = readonly [offset: 0 | 1, monthDay: string];
export const dayOf = (listYear: number, [offset, monthDay]: Day): string =>
  `${listYear + offset}-${monthDay}`;

/** Seed 001 (tests/fixtures/roadmap/001_895a1ffee6e9f536.txt, copied here) with 2020 → Y, 2021 → Y + 1. */
export function roadmapText(listYear: number): string {
  const text = readFileSync(new URL('./roadmap-001.txt', import.meta.url), 'utf8');
  return text.replace(/\b202([01])\b/g, (_, last: string) => String(listYear + Number(last)));
}

/** The regional order the municipal one is based on (seed 001: «приказ министерства … от 15.05.2020 № 01-21/744»). */
export const REGIONAL_ORDER = {
  number: '01-21/744',
  day: [0, '05-15'] as Day,
  issuer: 'Министерство образования Оренбургской области',
  title:
    'Об утверждении плана мероприятий (дорожной карты) по оказанию методической помощи образовательным организациям, показывающим низкие образовательные результаты',
};

/** The municipality's order (issued by its education department) that approves the roadmap, the list, the working group and the partnerships (seed 001). */
export const MUNICIPAL_ORDER = {
  number: '01-10/142-2',
  day: [0, '09-10'] as Day,
  title:
    'Об утверждении плана мероприятий (дорожной карты) по оказанию методической помощи образовательным организациям, показывающим низкие образовательные результаты',
};

/** Assignments and partnerships start with the order. */
export const SUPPORT_STARTS: Day = MUNICIPAL_ORDER.day;

export interface RecordPlan {
  day: Day;
  status: ActivityRecordStatus;
  note?: string;
  evidenceUrl?: string;
}

const { DONE, IN_PROGRESS } = ActivityRecordStatus;
const EVIDENCE = 'https://ponomarevka-edu.example/shnor';

/**
 * Status records by activity ordinal (§2: seed 001's deadlines, moved to Y). As of 1 December of
 * Y: DONE 1–6, 10–14 (11), OVERDUE 7 (in progress, due 31 October), IN_PROGRESS 8, 18–21 (5),
 * PLANNED 9, 15–17, 22, 23 (6). Later, what is not done falls past its due date as the year goes on.
 */
export const ACTIVITY_RECORDS: Readonly<Record<number, readonly RecordPlan[]>> = {
  1: [
    { day: [0, '09-15'], status: DONE, note: 'Список утверждён приказом', evidenceUrl: `${EVIDENCE}/order` },
  ],
  2: [{ day: [0, '09-10'], status: DONE, note: 'Состав рабочей группы — приложение 3 к приказу' }],
  3: [
    { day: [0, '09-14'], status: IN_PROGRESS, note: 'Анализ рисковых профилей начат' },
    { day: [0, '10-30'], status: DONE, note: 'Проблемные зоны описаны по каждой школе' },
  ],
  4: [{ day: [0, '09-10'], status: DONE, evidenceUrl: `${EVIDENCE}/roadmap` }],
  5: [{ day: [0, '09-25'], status: DONE, note: 'Учтены методические рекомендации министерства' }],
  6: [{ day: [0, '09-10'], status: DONE, note: 'Партнёры — по предложениям системы (support-v1 §4)' }],
  7: [
    {
      day: [0, '10-06'],
      status: IN_PROGRESS,
      note: 'Сообщество учителей математики создано, русского языка — нет',
    },
  ],
  8: [{ day: [0, '09-21'], status: IN_PROGRESS, note: 'Кураторы назначены, выезды по графику' }],
  10: [
    {
      day: [0, '10-20'],
      status: DONE,
      note: 'Проведён районный семинар',
      evidenceUrl: `${EVIDENCE}/seminar`,
    },
  ],
  11: [{ day: [0, '09-28'], status: DONE, note: 'Планы ОО получены' }],
  12: [
    { day: [0, '09-20'], status: IN_PROGRESS },
    { day: [0, '10-27'], status: DONE, note: 'Рассмотрено на заседании рабочей группы' },
  ],
  13: [{ day: [0, '10-29'], status: DONE, note: 'Диагностика дефицитов проведена' }],
  14: [
    { day: [0, '10-12'], status: IN_PROGRESS },
    { day: [0, '11-27'], status: DONE, note: 'Индивидуальные планы утверждены' },
  ],
  18: [{ day: [0, '10-15'], status: IN_PROGRESS, note: 'Первое совещание проведено' }],
  19: [{ day: [0, '09-17'], status: IN_PROGRESS }],
  20: [{ day: [0, '10-08'], status: IN_PROGRESS, note: 'Родительские собрания в школах списка' }],
  21: [{ day: [0, '11-02'], status: IN_PROGRESS, note: 'Дистанционные консультации к ГИА' }],
};

/** School reports (activity ordinal → status), dated when the activity was done at the municipality. */
export const SCHOOL_REPORTS: readonly {
  ordinal: number;
  day: Day;
  status: ActivityReportStatus;
  note: string;
}[] = [
  { ordinal: 3, day: [0, '10-25'], status: ActivityReportStatus.DONE, note: 'Самоанализ проведён' },
  { ordinal: 11, day: [0, '09-26'], status: ActivityReportStatus.DONE, note: 'Планы утверждены директором' },
  {
    ordinal: 13,
    day: [0, '10-28'],
    status: ActivityReportStatus.IN_PROGRESS,
    note: 'Анкетирование педагогов',
  },
];

/** The working group; members of the education department are given theirs by `educationDepartment`. */
export const WORKING_GROUP = {
  name: 'Рабочая группа по оказанию методической помощи образовательным организациям, показывающим низкие образовательные результаты',
  members: [
    {
      role: WorkingGroupRole.CHAIR,
      fullName: 'Климова Наталья Викторовна',
      position: 'заведующий отделом образования',
      organisation: null,
    },
    {
      role: WorkingGroupRole.DEPUTY_CHAIR,
      fullName: 'Горбунов Алексей Петрович',
      position: 'директор',
      organisation: 'МКУ «ЦМТО»',
    },
    {
      role: WorkingGroupRole.SECRETARY,
      fullName: 'Савельева Ольга Николаевна',
      position: 'методист',
      organisation: 'МКУ «ЦМТО»',
    },
    {
      role: WorkingGroupRole.MEMBER,
      fullName: 'Тимофеева Елена Андреевна',
      position: 'главный специалист',
      organisation: null,
    },
    {
      role: WorkingGroupRole.MEMBER,
      fullName: 'Юсупов Ринат Маратович',
      position: 'руководитель РМО учителей математики',
      organisation: 'МКУ «ЦМТО»',
    },
    {
      role: WorkingGroupRole.MEMBER,
      fullName: 'Петрова Анна Игоревна',
      position: 'руководитель РМО учителей русского языка',
      organisation: 'МКУ «ЦМТО»',
    },
  ],
} as const;

/** The municipality's coordinator (§1: COORDINATOR of a municipality). */
export const COORDINATOR = { key: 'coordinator-1', fullName: 'Тимофеева Елена Андреевна' };

/** Curators: `curator-<n>` for the n-th listed school of the municipality (by code). */
const CURATOR_NAMES = [
  'Орлова Марина Владимировна',
  'Зайцев Игорь Николаевич',
  'Кузнецова Светлана Павловна',
  'Медведева Татьяна Юрьевна',
  'Соколов Дмитрий Александрович',
  'Гусева Людмила Ивановна',
  'Назарова Галина Фёдоровна',
  'Фролов Сергей Викторович',
];
export const curatorOf = (n: number) => ({
  key: `curator-${n}`,
  fullName: CURATOR_NAMES[(n - 1) % CURATOR_NAMES.length] ?? `Куратор ${n}`,
});

export interface EventPlan {
  kind: EventKind;
  level: EventLevel.MUNICIPALITY | EventLevel.REGION;
  day: Day;
  title: string;
  participants: number;
}

/** Events; each reaches the listed schools of the municipality. */
export const EVENTS: readonly EventPlan[] = [
  {
    kind: EventKind.SEMINAR,
    level: EventLevel.MUNICIPALITY,
    day: [0, '10-20'],
    title: 'Семинар «Выявление профессиональных дефицитов педагогов и пути их преодоления»',
    participants: 34,
  },
  {
    kind: EventKind.WEBINAR,
    level: EventLevel.REGION,
    day: [0, '11-12'],
    title: 'Вебинар для административных команд ШНОР: концепция перехода в эффективный режим',
    participants: 58,
  },
  {
    kind: EventKind.MEETING,
    level: EventLevel.MUNICIPALITY,
    day: [0, '11-25'],
    title: 'Организационно-методическое совещание с руководителями ОО',
    participants: 12,
  },
];

/** One document of a listed school and the moves made on it, in order (records are dated the day they are made). */
export interface DocumentPlan {
  kind: SchoolDocumentKind;
  title: string;
  /** ANTI_RISK_PROGRAMME: the school's first priority risk (else R6). */
  antiRisk?: boolean;
  moves: readonly ('submit' | 'approve' | 'return')[];
  /** The curator's comment of a return. */
  returnComment?: string;
}

/**
 * Per listed school (by code, cycling): every document status appears — APPROVED, SUBMITTED,
 * RETURNED with a comment, DRAFT — and the second school shows a returned programme resubmitted.
 */
export const DOCUMENTS: readonly (readonly DocumentPlan[])[] = [
  [
    {
      kind: SchoolDocumentKind.CONCEPT,
      title: 'Концепция перехода школы в эффективный режим функционирования',
      moves: ['submit', 'approve'],
    },
    {
      kind: SchoolDocumentKind.MEDIUM_TERM_PROGRAMME,
      title: 'Среднесрочная программа развития на 2 года',
      moves: ['submit'],
    },
    {
      kind: SchoolDocumentKind.ANTI_RISK_PROGRAMME,
      title: 'Антирисковая программа',
      antiRisk: true,
      moves: ['submit', 'return'],
      returnComment:
        'Нет измеримых показателей: укажите целевую долю «2» по входной и промежуточной диагностике',
    },
    {
      kind: SchoolDocumentKind.FAILING_STUDENTS_PLAN,
      title: 'План работы с неуспевающими и слабоуспевающими обучающимися',
      moves: [],
    },
  ],
  [
    {
      kind: SchoolDocumentKind.CONCEPT,
      title: 'Концепция развития школы',
      moves: ['submit', 'approve'],
    },
    {
      kind: SchoolDocumentKind.ANTI_RISK_PROGRAMME,
      title: 'Антирисковая программа',
      antiRisk: true,
      moves: ['submit', 'return', 'submit'],
      returnComment: 'Мероприятия без сроков и ответственных: дополните таблицу',
    },
    {
      kind: SchoolDocumentKind.TEACHER_DEVELOPMENT_PLAN,
      title: 'План профессионального развития педагогов',
      moves: [],
    },
  ],
];

/** Diagnostics: these grades in RU and MA, the entrance in September, the intermediate in late November. */
export const DIAGNOSTIC_GRADES = [5, 8] as const;
export const DIAGNOSTIC_DAYS = { ENTRANCE: [0, '09-18'] as Day, INTERMEDIATE: [0, '11-26'] as Day };

/** Best practices: one by a partner school, published; one by a listed school, not yet. */
export const PRACTICES = {
  partner: {
    title: 'Наставничество «учитель — учитель» в сетевом партнёрстве',
    text: 'Пары учителей школы-партнёра и школы с низкими результатами: взаимные посещения уроков раз в две недели, общий банк заданий по математике и русскому языку, разбор входной диагностики на методическом дне.',
    tags: ['наставничество', 'сетевое партнёрство', 'математика'],
    riskFactor: 4,
    publish: true,
  },
  listed: {
    title: 'Индивидуальные маршруты для слабоуспевающих обучающихся',
    text: 'По результатам входной диагностики каждому обучающемуся с отметкой «2» составлен маршрут: консультации после уроков, задания на платформе, контроль классного руководителя раз в неделю.',
    tags: ['неуспевающие', 'диагностика'],
    riskFactor: 6,
    publish: false,
  },
} as const;
