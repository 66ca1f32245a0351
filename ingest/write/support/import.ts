import type pg from 'pg';
import { audit } from '../../../db/audit.js';
import { currentDataVersion } from '../../../db/data-version.js';
import { fromPgClient } from '../../../db/queryable.js';
import { type Viewer } from '../../../db/viewer.js';
import { type Format } from '../../formats/format.js';
import { type HeaderMap } from '../../formats/headers.js';
import { type SupportRow } from '../../formats/support/common.js';
import { SUPPORT_FORMATS } from '../../formats/support/index.js';
import {
  type BadRow,
  type ImportKind,
  type SupportImportKind,
  type ValidationEnv,
} from '../../formats/types.js';
import { type ImportLimits } from '../../limits.js';
import { newFileFacts, readRecords } from '../../read/file.js';
import { type ImportReport } from '../../report.js';
import { importOutcome } from '../../import-outcome.js';
import { BadRows, stagingRows } from '../../validate.js';
import { recordImport } from '../import-log.js';
import { loadSupportEnv } from './env.js';
import { SUPPORT_WRITERS } from './writers.js';

/**
 * One import of a support list (SUPPORT-V1 §1: orders, assignments, partnerships, documents, activity
 * statuses and reports, diagnostics, events), through
 * the results import's pipeline: the same reading (CSV/XLSX, encodings, limits), header matching,
 * row checks into the same bad-row report, all or nothing in ONE transaction — the rows, the
 * import log entry and the audit entry land together, or nothing does and the refusal is logged in
 * a small transaction of its own. Support lists feed no analytics: the data version is not bumped.
 *
 * A row's place (its school, municipality or region) must lie in the importer's scope; one that
 * does not is a bad row naming the place. A key repeated within the file (even with the same
 * values) is a bad row at the later line.
 */

export interface SupportImportRequest {
  kind: SupportImportKind;
  fileName: string;
  source: { open(): AsyncIterable<Uint8Array> };
  viewer: Viewer;
  limits: ImportLimits;
}

/** The results' validator interface does not see this one: the support formats read their own registry. */
const NO_RESULTS_ENV: ValidationEnv = { school: () => undefined, regionIds: [], region: () => undefined };

function repeatedKey(row: SupportRow, firstLine: number, column: string): BadRow {
  return {
    line: row.line,
    column,
    value: row.keyText,
    reason: {
      ru: `тот же ключ, что в строке ${firstLine}: строка повторяется`,
      en: `same key as line ${firstLine}: the row is repeated`,
    },
  };
}

export async function runSupportImport(
  client: pg.PoolClient | pg.Client,
  request: SupportImportRequest,
): Promise<ImportReport> {
  const started = performance.now();
  const { kind, viewer, limits } = request;
  const format = SUPPORT_FORMATS[kind];
  const db = fromPgClient(client);
  const facts = newFileFacts();
  const bad = new BadRows();
  const counter = { rows: 0 };
  const { report, refuse, begin, fail } = importOutcome(
    client,
    db,
    viewer,
    {
      kind,
      fileName: request.fileName,
      started,
      facts,
      counter,
      bad: () => bad,
    },
    limits,
  );

  try {
    await begin();
    const env = await loadSupportEnv(db, viewer.scope, { activities: format.namesActivities === true });
    let keyColumns = '';
    let headerMap: HeaderMap | null = null;
    // The results' streaming validation (limits, header, bad rows), with this kind's validator inside.
    const adapter: Format = {
      kind: kind as unknown as ImportKind,
      fields: format.fields,
      stagingColumns: [],
      prepare: (headers, _env, headerLine) => {
        keyColumns = format.keyColumns(headers);
        headerMap = headers;
        const validate = format.prepare(headers, env, headerLine);
        if (Array.isArray(validate)) return validate;
        return (r) => {
          const row = validate(r);
          return row ? [row] : null;
        };
      },
    };
    const rows: SupportRow[] = [];
    const firstLine = new Map<string, number>();
    const repeats: BadRow[] = [];
    const stagingStarted = performance.now();
    for await (const batch of stagingRows(
      readRecords(request.source.open(), facts, limits),
      adapter,
      NO_RESULTS_ENV,
      bad,
      counter,
      limits,
    )) {
      for (const staged of batch.rows) {
        const row = staged[1] as SupportRow;
        const first = firstLine.get(row.key);
        if (first === undefined) {
          firstLine.set(row.key, row.line);
          rows.push(row);
        } else repeats.push(repeatedKey(row, first, keyColumns));
      }
    }
    if (repeats.length) bad.addLater(repeats);
    const stagingMilliseconds = Math.round(performance.now() - stagingStarted);
    if (bad.count > 0) return await refuse({ stagingMilliseconds });
    const written = headerMap
      ? await SUPPORT_WRITERS[kind](db, rows, { headers: headerMap, viewer })
      : { inserted: 0, updated: 0 };
    if (written.bad?.length) {
      bad.addLater([...written.bad]);
      return await refuse({ stagingMilliseconds });
    }
    const writeMilliseconds = Math.round(performance.now() - stagingStarted) - stagingMilliseconds;
    const accepted = report({
      status: 'ACCEPTED',
      inserted: written.inserted,
      updated: written.updated,
      unchanged: rows.length - written.inserted - written.updated,
      dataVersion: await currentDataVersion(db),
      stagingMilliseconds,
      writeMilliseconds,
    });
    const id = await recordImport(db, viewer, accepted);
    await audit(db, viewer, 'import', `${kind}:${request.fileName}`, {
      importId: id,
      checksum: accepted.checksum,
      rows: accepted.rows,
      inserted: accepted.inserted,
      updated: accepted.updated,
      unchanged: accepted.unchanged,
    });
    await client.query('commit');
    return { id, ...accepted };
  } catch (error) {
    return fail(error);
  }
}
