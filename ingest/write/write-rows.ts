import { type Queryable } from '../../db/queryable.js';
import { type BadRow, type ImportKind } from '../formats/types.js';
import { type BadRows } from '../validate.js';
import { conflictingDuplicates, removeExactDuplicates } from './duplicates.js';
import { restoreForeignKeyChecks, skipRedundantForeignKeyChecks } from './references.js';
import { TARGETS } from './targets.js';
import {
  hasRepeatedKeys,
  onlyNewRows,
  upsertResults,
  upsertSchools,
  type SchoolUpsertCounts,
} from './upsert.js';

/** The write step of an import: staging → target, with the within-file duplicate rules. */

const CARDINALITY_VIOLATION = '21000';
const UNIQUE_VIOLATION = '23505';

export function duplicateRows(
  found: { line: number; firstLine: number; key: string }[],
  column: string,
): BadRow[] {
  return found.map((d) => ({
    line: d.line,
    column,
    value: d.key,
    reason: {
      ru: `тот же ключ, что в строке ${d.firstLine}, но другие значения`,
      en: `same key as line ${d.firstLine} with different values`,
    },
  }));
}

export type WriteOutcome = SchoolUpsertCounts & { repeated: number; foreignKeyTriggers: boolean };

/** The file repeats a key: the upsert affects a row twice, or the plain insert violates the key. */
const REPEATED_KEY = new Set([CARDINALITY_VIOLATION, UNIQUE_VIOLATION]);

/**
 * One try at the write; null (everything undone to the savepoint, trigger setting included) when
 * the file repeats a key. A file of new school-years goes in by plain INSERT, whose unique index
 * catches a repeat on its own; otherwise repeats are looked for before the upsert.
 */
async function attemptWrite(db: Queryable, kind: ImportKind): Promise<Omit<WriteOutcome, 'repeated'> | null> {
  const target = TARGETS[kind];
  await db.query('savepoint upsert');
  try {
    const onlyNew = kind !== 'schools' && (await onlyNewRows(db, target));
    if (!onlyNew && (await hasRepeatedKeys(db, target))) {
      await db.query('rollback to savepoint upsert');
      return null;
    }
    const skipped = kind !== 'schools' && (await skipRedundantForeignKeyChecks(db));
    const counts =
      kind === 'schools'
        ? await upsertSchools(db)
        : { ...(await upsertResults(db, target, onlyNew)), createdRegions: 0, createdMunicipalities: 0 };
    if (skipped) await restoreForeignKeyChecks(db);
    await db.query('release savepoint upsert');
    return { ...counts, foreignKeyTriggers: !skipped };
  } catch (error) {
    if (!REPEATED_KEY.has((error as { code?: string }).code ?? '')) throw error;
    await db.query('rollback to savepoint upsert');
    return null;
  }
}

/**
 * Fast path: files rarely repeat a key, and the write itself notices when one does, so the
 * whole-file duplicate search runs only then; exact repeats are dropped and the write retried.
 */
export async function writeRows(
  db: Queryable,
  kind: ImportKind,
  bad: BadRows,
  keyColumn: string,
): Promise<WriteOutcome | null> {
  const first = await attemptWrite(db, kind);
  if (first) return { ...first, repeated: 0 };
  const conflicts = await conflictingDuplicates(db, TARGETS[kind]);
  if (conflicts.total) {
    bad.addLater(duplicateRows(conflicts.found, keyColumn), conflicts.total - conflicts.found.length);
    return null;
  }
  const repeated = await removeExactDuplicates(db, TARGETS[kind]);
  const second = await attemptWrite(db, kind);
  if (!second) throw new Error('a key is still repeated after removing exact repeats');
  return { ...second, repeated };
}
