import { detectEncoding, refuseNonText } from '../read/decode.js';
import { requiresSchoolReport, splitExecutors } from './executors.js';
import { type HeaderColumns, matchHeader, type Role } from './header.js';
import { splitCells, splitLines } from './text.js';
import {
  type ParsedActivity,
  type RoadmapTableParams,
  type RoadmapTableResult,
  type RoadmapTableWarning,
  type SkippedLine,
  type SkipReason,
} from './types.js';

export type * from './types.js';

/**
 * The pure table parser of the roadmap import, SUPPORT-V1 §3 steps 1–6 and the DUPLICATE_NUMBER
 * warning of step 8. Deadlines are not parsed here (§2 and step 7 are analytics/support's): each
 * activity keeps its deadline cell as joined by the continuation rules.
 */

/** §3 step 4: a number cell that starts an activity. */
const ACTIVITY_NUMBER = /^\d{1,3}(\.\d{1,3})*\.?$/;
/** §3 step 2: a TAB-less page number such as «– 3 –». */
const PAGE_NUMBER = /^[\s–—-]*\d{1,4}[\s–—-]*$/;

/**
 * The pasted text's bytes as text: UTF-8 (with or without a BOM) or Windows-1251, told apart by the
 * CSV import's detection (ingest/read/decode.ts) over the whole text. What is not text at all
 * (UTF-16, binary) throws that module's UnreadableFileError.
 */
export function decodeRoadmapText(bytes: Uint8Array): string {
  refuseNonText(bytes);
  return new TextDecoder(detectEncoding(bytes), { fatal: true }).decode(bytes);
}

/** An activity being read: per role, the non-empty cell texts in line order. */
interface Draft {
  number: string;
  cells: Record<Exclude<Role, 'number'>, string[]>;
  lines: number[];
}

/** §3 step 2 for a line after the header: why it is skipped, 'END' when it ends the table, or null. */
function classify(line: string, cells: readonly string[]): SkipReason | 'END' | null {
  const filled = cells.filter((cell) => cell !== '');
  if (filled.length === 0) return 'BLANK';
  if (matchHeader(line)) return 'REPEATED_HEADER';
  if (filled.length >= 3 && filled.every((cell, i) => cell === String(i + 1))) return 'COLUMN_NUMBERS';
  if (line.includes('\t')) return null;
  return PAGE_NUMBER.test(line) ? 'PAGE_NUMBER' : 'END';
}

/** §3 step 3: the cells by the header's positions; surplus cells join the last one, missing are empty. */
function fitRow(cells: readonly string[], width: number): string[] {
  if (cells.length <= width) return [...cells, ...Array<string>(width - cells.length).fill('')];
  const surplus = cells.slice(width - 1).filter((cell) => cell !== '');
  return [...cells.slice(0, width - 1), surplus.join(' ')];
}

/** The role of each header position (null: a column the import does not read). */
function rolesByPosition(header: HeaderColumns): (Role | null)[] {
  const roles = Array<Role | null>(header.width).fill(null);
  roles[header.number] = 'number';
  roles[header.title] = 'title';
  roles[header.deadline] = 'deadline';
  roles[header.executors] = 'executors';
  if (header.result !== null) roles[header.result] = 'result';
  return roles;
}

/**
 * Appends a row's non-empty cells to the draft in column order. On the row that starts the
 * activity the number cell is its number; on a continuation, number-column text continues the title.
 */
function appendRow(
  draft: Draft,
  row: readonly string[],
  roles: readonly (Role | null)[],
  starts: boolean,
): void {
  roles.forEach((role, position) => {
    const text = row[position] ?? '';
    if (role === null || text === '' || (role === 'number' && starts)) return;
    draft.cells[role === 'number' ? 'title' : role].push(text);
  });
}

function duplicateNumbers(activities: readonly ParsedActivity[]): RoadmapTableWarning[] {
  const warnings: RoadmapTableWarning[] = [];
  // «5.» and «5» are the same number written two ways.
  const first = new Map<string, ParsedActivity>();
  for (const activity of activities) {
    const key = activity.number.replace(/\.$/, '');
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, activity);
      continue;
    }
    const line = activity.lines[0] as number;
    warnings.push({
      code: 'DUPLICATE_NUMBER',
      line,
      number: activity.number,
      message:
        `activity number «${activity.number}» at line ${line} repeats the number of ` +
        `activity «${earlier.number}» at line ${earlier.lines[0] as number}`,
    });
  }
  return warnings;
}

/** Parses a pasted roadmap table (SUPPORT-V1 §3 steps 1–6 and DUPLICATE_NUMBER). */
export function parseRoadmapTable(text: string, params: RoadmapTableParams): RoadmapTableResult {
  const lines = splitLines(text);
  const headerIndex = lines.findIndex((line) => matchHeader(line) !== null);
  const header = headerIndex === -1 ? null : matchHeader(lines[headerIndex] as string);
  if (!header) {
    return {
      ok: false,
      error: {
        code: 'NO_HEADER',
        message:
          'no header line: a line with TABs whose cells name the number («№»), deadline («срок»), ' +
          'executors («ответствен»/«исполнител») and title («наименование»/«мероприят»/«содержание»)',
      },
    };
  }
  const roles = rolesByPosition(header);
  const drafts: Draft[] = [];
  const skipped: SkippedLine[] = [];
  let endLine: number | null = null;
  for (let index = headerIndex + 1; index < lines.length; index++) {
    const line = lines[index] as string;
    const lineNumber = index + 1;
    const cells = splitCells(line);
    const reason = classify(line, cells);
    if (reason === 'END') {
      endLine = lineNumber;
      break;
    }
    if (reason !== null) {
      skipped.push({ line: lineNumber, reason });
      continue;
    }
    const row = fitRow(cells, header.width);
    const number = row[header.number] as string;
    const starts = ACTIVITY_NUMBER.test(number);
    if (starts) {
      drafts.push({ number, cells: { title: [], deadline: [], executors: [], result: [] }, lines: [] });
    }
    const draft = drafts.at(-1);
    if (!draft) {
      skipped.push({ line: lineNumber, reason: 'ORPHAN_CONTINUATION' });
      continue;
    }
    draft.lines.push(lineNumber);
    appendRow(draft, row, roles, starts);
  }
  const activities = drafts.map((draft, index): ParsedActivity => {
    // Each line holds at most one fragment of the executors cell: step 5 splits them one by one.
    const executors = splitExecutors(draft.cells.executors);
    return {
      ordinal: index + 1,
      number: draft.number,
      title: draft.cells.title.join(' '),
      deadlineText: draft.cells.deadline.join(' '),
      executorsText: draft.cells.executors.join(' '),
      executors,
      expectedResult: header.result === null ? null : draft.cells.result.join(' '),
      requiresSchoolReport: requiresSchoolReport(executors, params.schoolExecutors),
      lines: draft.lines,
    };
  });
  return {
    ok: true,
    headerLine: headerIndex + 1,
    activities,
    skipped,
    warnings: duplicateNumbers(activities),
    endLine,
  };
}
