import { type Subject } from '../../schema/enums.js';
import { MARKER_CODES, type Marker, type MarkerCode } from './types.js';

/** Short subject labels of the ФИС ОКО lists («4 РУ», «5 МА»); a code without one shows as itself. */
export const SUBJECT_SHORT_RU: Readonly<Partial<Record<Subject, string>>> = {
  RU: 'РУ',
  MA: 'МА',
  MAA: 'МАУ', // углублённая математика
  OM: 'ОМ',
  LR: 'ЛЧ',
  LI: 'ЛИ',
  HI: 'ИС',
  SO: 'ОБ',
  GE: 'ГЕ',
  BI: 'БИ',
  PH: 'ФИ',
  CH: 'ХИ',
  IN: 'ИН',
  EN: 'АЯ',
  DE: 'НЯ',
  FR: 'ФЯ',
};

/** Russian and maths lead, as in the ФИС ОКО lists; other subjects follow by code. */
const LEADING_SUBJECTS: readonly string[] = ['RU', 'MA', 'MAA'];

export interface MarkerColumn {
  /** «4 РУ» */
  key: string;
  grade: number;
  subject: string;
}

export interface MarkerTableCell {
  /** the column key, «4 РУ» */
  column: string;
  grade: number;
  subject: string;
  /** distinct codes, in MARKER_CODES order */
  codes: MarkerCode[];
}

export interface MarkerTableRow {
  schoolId: number;
  year: number;
  /** only the marked cells, in column order */
  cells: MarkerTableCell[];
  /** «Количество маркеров»: each code on each cell counts once */
  markerCount: number;
}

export interface MarkerTable {
  columns: MarkerColumn[];
  rows: MarkerTableRow[];
}

export interface MarkerTableOptions {
  /** Count only these codes (default: all). */
  codes?: readonly MarkerCode[];
  /** Columns shown even when no marker falls in them, e.g. 4/5 × РУ/МА for a stable 3-year history. */
  alwaysColumns?: readonly { grade: number; subject: string }[];
}

export function subjectShortRu(subject: string): string {
  return SUBJECT_SHORT_RU[subject as Subject] ?? subject;
}

export function columnKey(grade: number, subject: string): string {
  return `${grade} ${subjectShortRu(subject)}`;
}

function compareColumns(
  a: { grade: number; subject: string },
  b: { grade: number; subject: string },
): number {
  if (a.grade !== b.grade) return a.grade - b.grade;
  const ra = LEADING_SUBJECTS.indexOf(a.subject);
  const rb = LEADING_SUBJECTS.indexOf(b.subject);
  const rankA = ra < 0 ? LEADING_SUBJECTS.length : ra;
  const rankB = rb < 0 ? LEADING_SUBJECTS.length : rb;
  if (rankA !== rankB) return rankA - rankB;
  return a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0;
}

/**
 * The «список ОО с признаками необъективности» of ФИС ОКО (METHODOLOGY.md §3.3): one row per
 * school and year, a column per grade × subject that carries a marker, and «Количество маркеров».
 * Rows are ordered by school then year, so a school's history reads top to bottom.
 */
export function markerTable(markers: readonly Marker[], options: MarkerTableOptions = {}): MarkerTable {
  const wanted = new Set<MarkerCode>(options.codes ?? MARKER_CODES);
  const columns = new Map<string, MarkerColumn>();
  for (const c of options.alwaysColumns ?? []) {
    columns.set(columnKey(c.grade, c.subject), {
      key: columnKey(c.grade, c.subject),
      grade: c.grade,
      subject: c.subject,
    });
  }

  // school-year → column key → codes seen there
  type Draft = {
    schoolId: number;
    year: number;
    cells: Map<string, { column: MarkerColumn; codes: Set<MarkerCode> }>;
  };
  const bySchoolYear = new Map<string, Draft>();
  for (const m of markers) {
    if (!wanted.has(m.code)) continue;
    const key = columnKey(m.grade, m.subject);
    let column = columns.get(key);
    if (!column) {
      column = { key, grade: m.grade, subject: m.subject };
      columns.set(key, column);
    }
    const rowKey = `${m.schoolId}:${m.year}`;
    let row = bySchoolYear.get(rowKey);
    if (!row) {
      row = { schoolId: m.schoolId, year: m.year, cells: new Map() };
      bySchoolYear.set(rowKey, row);
    }
    let cell = row.cells.get(key);
    if (!cell) {
      cell = { column, codes: new Set() };
      row.cells.set(key, cell);
    }
    cell.codes.add(m.code);
  }

  const ordered = [...columns.values()].sort(compareColumns);
  const rows = [...bySchoolYear.values()]
    .sort((a, b) => a.schoolId - b.schoolId || a.year - b.year)
    .map((row): MarkerTableRow => {
      const cells = [...row.cells.values()]
        .sort((a, b) => compareColumns(a.column, b.column))
        .map(({ column, codes }) => ({
          column: column.key,
          grade: column.grade,
          subject: column.subject,
          codes: MARKER_CODES.filter((c) => codes.has(c)),
        }));
      const markerCount = cells.reduce((sum, c) => sum + c.codes.length, 0);
      return { schoolId: row.schoolId, year: row.year, cells, markerCount };
    });
  return { columns: ordered, rows };
}

/** The order of the objectivityMarkers list: most markers first, then by school id. */
export function byMarkerCount(rows: readonly MarkerTableRow[]): MarkerTableRow[] {
  return [...rows].sort((a, b) => b.markerCount - a.markerCount || a.schoolId - b.schoolId);
}
