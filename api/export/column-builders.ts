import { type Column } from './columns.js';
import { STATUS_RULE_RU } from './labels.js';

type Maybe<T> = T | null | undefined;
type Get<N, T> = (node: N) => Maybe<T>;

/**
 * Column constructors for one node type, so a catalogue entry reads as a list of
 * `kind(key, header, value)` with the node's type checked: `const c = columnsFor<Candidate>()`.
 */
export function columnsFor<N>() {
  const simple =
    <K extends 'text' | 'longText' | 'code'>(kind: K) =>
    (key: string, header: string, value: Get<N, string>, width?: number): Column<N> => ({
      kind,
      key,
      header,
      value,
      width,
    });
  return {
    text: simple('text'),
    longText: simple('longText'),
    code: simple('code'),
    integer: (key: string, header: string, value: Get<N, number>): Column<N> => ({
      kind: 'integer',
      key,
      header,
      value,
    }),
    percent: (key: string, header: string, value: Get<N, number>): Column<N> => ({
      kind: 'percent',
      key,
      header,
      value,
    }),
    number: (key: string, header: string, decimals: number, value: Get<N, number>): Column<N> => ({
      kind: 'number',
      key,
      header,
      decimals,
      value,
    }),
    boolean: (key: string, header: string, value: Get<N, boolean>): Column<N> => ({
      kind: 'boolean',
      key,
      header,
      value,
    }),
    datetime: (
      key: string,
      header: string,
      value: (n: N) => unknown,
      timeZone: (n: N) => string,
    ): Column<N> => ({
      kind: 'datetime',
      key,
      header,
      value,
      timeZone,
    }),
    enumeration: (
      key: string,
      header: string,
      labels: Readonly<Record<string, string>>,
      value: Get<N, string>,
      options: { codeColumn?: boolean; width?: number } = {},
    ): Column<N> => ({
      kind: 'enum',
      key,
      header,
      labels,
      value,
      codeColumn: options.codeColumn ?? true,
      width: options.width,
    }),
    position: (key = 'position', header = '№ п/п'): Column<N> => ({
      kind: 'position',
      key,
      header,
      width: 7,
    }),
  };
}

type SchoolRef = {
  code: string;
  name: string;
  municipality: { name: string; region: { code: string; name: string } };
} | null;

/** Where a school is: the first columns of every school-level export. */
export function schoolColumns<N extends { school: SchoolRef }>(): Column<N>[] {
  const c = columnsFor<N>();
  return [
    c.code('region_code', 'Код региона', (n) => n.school?.municipality.region.code, 8),
    c.text('region_name', 'Регион', (n) => n.school?.municipality.region.name, 22),
    c.text('municipality_name', 'Муниципалитет', (n) => n.school?.municipality.name, 24),
    c.code('school_code', 'Логин', (n) => n.school?.code, 12),
    c.text('school_name', 'ОО', (n) => n.school?.name, 36),
  ];
}

/** Markers in one cell: code, year, grade and subject of each. */
export function markerText(
  markers: readonly { code: string; year: number; grade: number; subject: string }[],
): string | null {
  return markers.length ? markers.map((m) => `${m.code} ${m.year} ${m.grade} ${m.subject}`).join(', ') : null;
}

/** What a computed decision carries, as a candidate and a list entry both answer it. */
interface DecisionFigures {
  lowIndex: number | null;
  lowRank: number | null;
  previousLowIndex: number | null;
  previousLowRank: number | null;
  evidence: {
    rule: string;
    cutoffs: { lowRankCut: number };
    current: {
      rank: number | null;
      schoolsRanked: number;
      vprLow: number | null;
      ogeLow: number | null;
      egeLow: number | null;
    };
  };
}

/**
 * The figures of a decision, the same in the candidates and the list exports: the rule of §2, the
 * index and both ranks of y, y − 1, the cut-off and the three shares of y.
 */
export function decisionColumns<N extends DecisionFigures>(): Column<N>[] {
  const c = columnsFor<N>();
  return [
    c.enumeration('rule', 'Правило', STATUS_RULE_RU, (n) => n.evidence.rule),
    c.percent('low_index', 'Индекс низких результатов', (n) => n.lowIndex),
    c.percent('low_rank', 'Процентильный ранг в регионе', (n) => n.lowRank),
    c.integer('rank', 'Место в регионе', (n) => n.evidence.current.rank),
    c.integer('schools_ranked', 'Ранжировано ОО в регионе', (n) => n.evidence.current.schoolsRanked),
    c.percent('previous_low_index', 'Индекс низких результатов, пред. год', (n) => n.previousLowIndex),
    c.percent('previous_low_rank', 'Процентильный ранг, пред. год', (n) => n.previousLowRank),
    c.percent('low_rank_cut', 'Порог ранга', (n) => n.evidence.cutoffs.lowRankCut),
    c.percent('vpr_low', 'Доля «2» ВПР', (n) => n.evidence.current.vprLow),
    c.percent('oge_low', 'Доля «2» ОГЭ', (n) => n.evidence.current.ogeLow),
    c.percent('ege_low', 'Доля ниже порога ЕГЭ', (n) => n.evidence.current.egeLow),
  ];
}
