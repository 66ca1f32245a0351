import { type DateWindow, pooledShare2 } from '../../../analytics/support/diagnostics-pool.js';
import { type SupportParams } from '../../../analytics/support/params.js';
import { type DiagnosticRow } from './monitoring-read.js';

/**
 * §5 local diagnostics of one listed school: per subject of `diagSubjects` (RU, MA), its rows in
 * [W0, D] pooled by the one rule (analytics/support/diagnostics-pool.ts) — the same figure the
 * school's dynamics show for the same rows.
 */
export function monitoredDiagnostics(
  rows: readonly DiagnosticRow[],
  params: SupportParams['monitoring'],
  window: DateWindow,
) {
  return params.diagSubjects.map((subject) => ({
    subject,
    ...pooledShare2(
      rows.filter((r) => r.subject === subject),
      window,
      params,
    ),
  }));
}
