import { fold, normaliseCell } from './text.js';

/**
 * SUPPORT-V1 §3 step 5: each physical fragment of the executors cell (its text on one line) split
 * at «,» and «;», pieces trimmed, empty ones and case-insensitive repeats of earlier ones dropped
 * (the first spelling kept). Fragments are split separately, so a line break separates like a comma.
 */
export function splitExecutors(fragments: readonly string[]): string[] {
  const executors: string[] = [];
  const seen = new Set<string>();
  for (const fragment of fragments) {
    for (const piece of fragment.split(/[,;]/)) {
      const executor = normaliseCell(piece);
      const key = executor.toLowerCase();
      if (executor === '' || seen.has(key)) continue;
      seen.add(key);
      executors.push(executor);
    }
  }
  return executors;
}

/**
 * SUPPORT-V1 §3 step 6: an executor equals one of `schoolExecutors`, or begins with one followed by
 * a space (compared lower-cased, ё = е): «Руководители ОО школ района» does, «ООО …» does not.
 */
export function requiresSchoolReport(
  executors: readonly string[],
  schoolExecutors: readonly string[],
): boolean {
  const names = schoolExecutors.map((name) => fold(normaliseCell(name))).filter((name) => name !== '');
  return executors.some((executor) => {
    const folded = fold(executor);
    return names.some((name) => folded === name || folded.startsWith(`${name} `));
  });
}
