import { Locality, SchoolType } from '../schema/enums.js';

/**
 * Real places and schools from the seed documents (shared/seed-documents), and name pools for the
 * generated ones. The four regions of the documents are present at every scale.
 */

export interface MunicipalitySource {
  readonly name: string;
  /** An urban district: its schools are in a city. */
  readonly city: boolean;
  /** Relative size (number of schools) within its region. */
  readonly weight: number;
}

export interface RealSchool {
  readonly municipality: string;
  readonly name: string;
  readonly type: SchoolType;
  readonly locality: Locality;
}

const d = (name: string, weight = 1): MunicipalitySource => ({ name, city: false, weight });
const c = (name: string, weight = 3): MunicipalitySource => ({ name, city: true, weight });

/**
 * Real municipalities of the document regions; the first `core` of each are named in the documents
 * and kept at the `test` scale, the rest fill the `demo` scale (≈30 in all).
 */
export const REAL_MUNICIPALITIES: Readonly<
  Record<string, { core: number; list: readonly MunicipalitySource[] }>
> = {
  '56': {
    core: 2,
    list: [
      d('Матвеевский район'),
      d('Пономаревский район'),
      d('Бугурусланский район'),
      c('город Бугуруслан', 1.5),
      d('Шарлыкский район'),
      d('Северный район'),
      c('Абдулинский городской округ', 1.2),
      d('Асекеевский район'),
    ],
  },
  '23': {
    core: 2,
    list: [
      d('Мостовский район', 2),
      d('Лабинский район', 2),
      d('Курганинский район', 1.5),
      d('Отрадненский район', 1.5),
      c('город Армавир'),
      d('Новокубанский район', 1.5),
      d('Успенский район'),
      d('Белореченский район', 1.5),
    ],
  },
  '57': {
    core: 2,
    list: [
      d('Хотынецкий район'),
      d('Болховский район'),
      d('Знаменский район'),
      d('Урицкий район'),
      d('Шаблыкинский район'),
      c('город Орёл', 4),
      d('Мценский район'),
    ],
  },
  '63': {
    core: 2,
    list: [
      // Territorial departments of the regional ministry act as the municipal level in Самарская область.
      d('Западное управление', 3),
      d('Северо-Западное управление', 2),
      d('Юго-Западное управление', 2),
      d('Центральное управление', 2),
      c('Самарское управление', 5),
      c('Тольяттинское управление', 4),
      d('Поволжское управление', 2),
    ],
  },
};

/** Schools named in documents 002 (Мостовский район, «500+» 2021) and 003 (Хотынецкий район, ШНОР 2022). */
export const REAL_SCHOOLS: readonly RealSchool[] = [
  ...(
    [
      [
        'МБОУ гимназия № 4 имени И.Н. Нестерова поселка Псебай',
        SchoolType.GYMNASIUM,
        Locality.URBAN_SETTLEMENT,
      ],
      ['МБОУ СОШ № 10 имени В.Г. Кирьяновой станицы Губской', SchoolType.SOSH, Locality.VILLAGE],
      ['МБОУ СОШ № 12 станицы Костромской', SchoolType.SOSH, Locality.VILLAGE],
      ['МБОУ СОШ № 14 станицы Ярославской', SchoolType.SOSH, Locality.VILLAGE],
      ['МБОУ ООШ № 17 имени А.И. Котова хутора Славянского', SchoolType.OOSH, Locality.VILLAGE],
      ['МАОУ СОШ № 20 имени А.П. Турчинского поселка Псебай', SchoolType.SOSH, Locality.URBAN_SETTLEMENT],
      ['МБОУ СОШ № 29 имени К.Ф. Зайцева поселка Мостовского', SchoolType.SOSH, Locality.URBAN_SETTLEMENT],
    ] as const
  ).map(([name, type, locality]) => ({ municipality: 'Мостовский район', name, type, locality })),
  ...(
    [
      ['МБОУ-Богородицкая СОШ', Locality.VILLAGE],
      ['МБОУ-Красноярбинская СОШ им. П. И. Бровичева', Locality.VILLAGE],
      ['МБОУ-Хотынецкая СОШ им. С. Г. Поматилова', Locality.URBAN_SETTLEMENT],
      ['МБОУ-Юрьевская СОШ', Locality.VILLAGE],
    ] as const
  ).map(([name, locality]) => ({ municipality: 'Хотынецкий район', name, type: SchoolType.SOSH, locality })),
];

/** Stems of generated district names: «…ск» + «ий», «…ов» + «ский» («Берёзовский район»). */
export const DISTRICT_STEMS: readonly string[] = (
  'Берёзов Каменск Сосновск Дубров Ольхов Кленов Липов Рябинов Осинов Ивановск Петровск Никольск ' +
  'Покровск Троицк Успенск Воскресенск Знаменск Благовещенск Преображенск Спасск Богородск Михайловск ' +
  'Александровск Алексеевск Андреевск Васильевск Владимировск Георгиевск Григорьевск Дмитриевск ' +
  'Екатериновск Елизаветинск Захаровск Ильинск Кирилловск Константиновск Лукинск Марьинск Никифоровск ' +
  'Павловск Романовск Сергиевск Степановск Фёдоровск Яковлевск Луговск Полевск ' +
  'Холмск Озёрск Речинск Ключевск Родниковск Красногорск Белогорск Черноречинск ' +
  'Светлоярск Тихорецк Широковск Долинск Зеленодольск Ясногорск Краснополянск Новосельск Старосельск ' +
  'Верхнеозёрск Нижнедолинск Среднеречинск Камышинск Тростниковск Ковыльск Полынск Чернозёмск ' +
  'Журавлинск Лебедянск Соколовск Орловск Медведевск Лисичанск Бобровск Куницинск'
).split(' ');

/** Generated town names («город Красногорск»). */
export const TOWN_NAMES: readonly string[] = (
  'Красногорск Белоярск Светлогорск Новоозёрск Старореченск Заводск Железногорск Рудногорск ' +
  'Лесогорск Приреченск Верхнеуральск Нижнекамышинск Зеленогорск Солнечногорск Снежинск Озёрный ' +
  'Ясный Дружный Радужный Светлый Октябрьск Первомайск Комсомольск Энергетик Металлург Шахтёрск ' +
  'Новоключевск Сосногорск Каменногорск Берёзовка Родниковый Кедровый Северогорск Южногорск ' +
  'Восточный Западный Приморск Заозёрный Пригорный Луговой'
).split(' ');

/** Village names for generated school names («МБОУ СОШ с. Покровка»). */
export const VILLAGE_NAMES: readonly string[] = (
  'Покровка Ивановка Петровка Никольское Михайловка Александровка Алексеевка Андреевка Васильевка ' +
  'Григорьевка Дмитриевка Екатериновка Знаменка Ильинка Константиновка Марьевка Новосёловка Ольховка ' +
  'Павловка Раздольное Сергеевка Степановка Троицкое Успенка Фёдоровка Воскресенка Богородское ' +
  'Вознесенка Садовое Луговое Заречное Приозёрное Берёзовка Сосновка Дубровка Каменка Ключи Родники ' +
  'Красноярка Высокое Подгорное Октябрьское Первомайское Весёлое Мирное Дружба Рощино ' +
  'Кировка Лесное Полевое Степное Кленовка Липовка Рябиновка Осиновка Калиновка Малиновка'
).split(' ');

/** Patrons for «имени …» in generated names (generic, not real people of these schools). */
export const PATRONS: readonly string[] = [
  'А.С. Пушкина',
  'М.Ю. Лермонтова',
  'Л.Н. Толстого',
  'Ю.А. Гагарина',
  'М.В. Ломоносова',
  'А.П. Чехова',
  'Героя Советского Союза И.П. Петрова',
  'С.П. Королёва',
  'Д.И. Менделеева',
  'К.Д. Ушинского',
];
