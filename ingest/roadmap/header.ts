import { fold, splitCells } from './text.js';

/** The columns a roadmap table carries (SUPPORT-V1 §3 step 1). */
export type Role = 'number' | 'deadline' | 'executors' | 'title' | 'result';

/** Which header cell (0-based position) holds each role, and how many cells the header has. */
export interface HeaderColumns {
  number: number;
  deadline: number;
  executors: number;
  title: number;
  /** null: the header has no result column. */
  result: number | null;
  /** The header's cell count: cells past it join the last column (§3 step 3). */
  width: number;
}

const TITLE_WORDS = ['наименование', 'мероприят', 'содержание'];

/**
 * The roles in the order they pick their cell, each taking the first cell not yet taken that
 * passes its test (on the folded cell). The order decides between cells passing several tests:
 * «Срок исполнения мероприятия» is the deadline, «Ответственный за мероприятие» the executors.
 */
const ROLE_TESTS: readonly (readonly [Role, (cell: string) => boolean])[] = [
  ['number', (cell) => cell.startsWith('№')],
  ['deadline', (cell) => cell.includes('срок')],
  ['executors', (cell) => cell.includes('ответствен') || cell.includes('исполнител')],
  ['title', (cell) => TITLE_WORDS.some((word) => cell.includes(word))],
  ['result', (cell) => cell.includes('результат')],
];

/** The header's columns when `line` (raw, one physical line) is a header line, otherwise null. */
export function matchHeader(line: string): HeaderColumns | null {
  if (!line.includes('\t')) return null;
  const cells = splitCells(line).map(fold);
  const taken = new Set<number>();
  const found = new Map<Role, number>();
  for (const [role, test] of ROLE_TESTS) {
    const index = cells.findIndex((cell, i) => !taken.has(i) && test(cell));
    if (index === -1) {
      if (role === 'result') continue;
      return null;
    }
    taken.add(index);
    found.set(role, index);
  }
  const at = (role: Role) => found.get(role) as number;
  return {
    number: at('number'),
    deadline: at('deadline'),
    executors: at('executors'),
    title: at('title'),
    result: found.get('result') ?? null,
    width: cells.length,
  };
}
