import {
  completion,
  gotSupport,
  heldDuring,
  lowIndexChange,
  supportStart,
} from '../../../analytics/support/cycle.js';
import {
  activityStatuses,
  requiredDocuments,
  requiredKey,
  schoolDocuments,
} from '../../../analytics/support/monitoring.js';
import { SUPPORT_V1 } from '../../../analytics/support/params.js';
import { may } from '../../auth/permissions.js';
import { type Context } from '../../context.js';
import { resolveMethodology } from '../analytics/methodology.js';
import { riskYear } from '../analytics/risk.service.js';
import { groupBy } from '../support/monitoring-place.js';
import { readDocumentRecords } from '../support/monitoring-read.js';
import {
  listDay,
  readCuratorsDuring,
  readMunicipalActivities,
  readMunicipalStatusRecords,
  readPartnersDuring,
} from './cycle-read.js';
import { findList, type ListRow } from './list-store.js';
import { type EntryView, scopedEntries } from './list-reads.js';
import { isIncluded } from './rules.js';

/**
 * «The cycle closed» (issue 13 item 5): the support a school of the approved list of y got, shown
 * on next year's list. D is the day the later list was made (where its region is): the draft is
 * the moment the ministry looks back, and a snapshot never changes afterwards, while its data
 * version says nothing about the support tables. Roadmap statuses and documents are as of D;
 * curators and partners count when they held at any time in [1 Sep y, D] (heldDuring).
 */

export interface SchoolSupport {
  listId: string;
  listYear: number;
  from: string;
  asOf: string;
  roadmapIds: string[];
  activitiesTotal: number;
  activitiesDone: number;
  roadmapCompletion: number | null;
  curatorAssigned: boolean;
  curators: { fullName: string; key: string }[];
  partnerAssigned: boolean;
  partners: { code: string; name: string }[];
  documents: { submittedOrApproved: number; approved: number; required: string[]; missingRequired: string[] };
  supported: boolean;
}

export type EntrySupport = SchoolSupport & { change: number | null };

const uniqueBy = <T>(rows: readonly T[], key: (row: T) => string) => [
  ...new Map(rows.map((r) => [key(r), r])).values(),
];

/**
 * The support of every school included in `supportList` (the approved list of y) that the viewer
 * may see, as of the day `asOfListId` was made. Per request once per pair of lists: the entries
 * of a list of 300 schools cost these few statements, not 300 times them.
 */
export function yearSupport(ctx: Context, supportList: ListRow, asOfListId: string) {
  return ctx.memo.once(`cycle:${supportList.id}:${asOfListId}`, async () => {
    const y = supportList.year;
    const [asOf, entries] = await Promise.all([listDay(ctx.db, asOfListId), scopedEntries(ctx, supportList)]);
    const listed = entries.filter(isIncluded);
    const result = new Map<number, SchoolSupport>();
    if (listed.length === 0) return result;
    const from = supportStart(y);
    const ids = listed.map((e) => e.schoolId);
    const municipalityIds = [...new Set(listed.map((e) => e.municipalityId))];
    const m = await resolveMethodology(ctx, supportList.methodologyName, null, ctx);
    const [activities, records, documents, curators, partners, risk] = await Promise.all([
      readMunicipalActivities(ctx.db, municipalityIds, y),
      readMunicipalStatusRecords(ctx.db, municipalityIds, y, asOf),
      readDocumentRecords(ctx.db, ids, y, asOf),
      readCuratorsDuring(ctx.db, ids, from, asOf),
      readPartnersDuring(ctx.db, ids, from, asOf),
      riskYear(ctx, m, y),
    ]);
    const recordsOf = groupBy(records, (r) => r.activityId);
    const roadmapsOf = groupBy(activities, (a) => a.municipalityId);
    const documentsOf = groupBy(documents, (d) => d.schoolId);
    const curatorsOf = groupBy(curators, (c) => c.schoolId);
    const partnersOf = groupBy(partners, (p) => p.schoolId);
    for (const entry of listed) {
      const rows = roadmapsOf.get(entry.municipalityId) ?? [];
      const own = rows.flatMap((a) =>
        a.id === null
          ? []
          : [{ ...a, id: a.id, requiresSchoolReport: false, records: recordsOf.get(a.id) ?? [] }],
      );
      const { counts } = activityStatuses(own, asOf);
      const required = requiredDocuments(
        SUPPORT_V1.monitoring.requiredDocuments,
        risk.profiles.get(entry.schoolId)?.priorityRisks ?? [],
      );
      const byDocument = groupBy(documentsOf.get(entry.schoolId) ?? [], (d) => d.documentId);
      const docs = schoolDocuments(
        [...byDocument.values()].map((r) => ({ kind: r[0]!.kind, riskFactor: r[0]!.riskFactor, records: r })),
        required,
        asOf,
      );
      // the SQL reads the overlapping periods; the rule (an empty window holds nothing) is heldDuring's
      const held = <T extends { validFrom: string; validTo: string | null }>(
        rows: readonly T[] | undefined,
      ) => (rows ?? []).filter((r) => heldDuring(r.validFrom, r.validTo, from, asOf));
      const schoolCurators = uniqueBy(held(curatorsOf.get(entry.schoolId)), (c) => c.key);
      const schoolPartners = uniqueBy(held(partnersOf.get(entry.schoolId)), (p) => p.code);
      const summary = {
        listId: supportList.id,
        listYear: y,
        from,
        asOf,
        roadmapIds: [...new Set(rows.map((a) => a.roadmapId))],
        activitiesTotal: counts.total,
        activitiesDone: counts.DONE,
        roadmapCompletion: completion(counts.DONE, counts.total),
        curatorAssigned: schoolCurators.length > 0,
        curators: schoolCurators.map(({ fullName, key }) => ({ fullName, key })),
        partnerAssigned: schoolPartners.length > 0,
        partners: schoolPartners.map(({ code, name }) => ({ code, name })),
        documents: {
          submittedOrApproved: docs.submitted,
          approved: docs.approved,
          required: required.map(requiredKey),
          missingRequired: docs.missingRequired.map(requiredKey),
        },
      };
      result.set(entry.schoolId, { ...summary, supported: gotSupport(summary) });
    }
    return result;
  });
}

const listRow = (ctx: Context, id: string) => ctx.memo.once(`shnor-list:${id}`, () => findList(ctx.db, id));

/**
 * `ShnorListEntry.support`: for a school included in the previous approved list (previouslyListed),
 * the support of that list's year as of the day this list was made, with change = lowIndex −
 * previousLowIndex of this snapshot. Null for a school that was not on it (it got none), for a list
 * without a previous one, and for a viewer who may not read support (`support.read`).
 */
export async function entrySupport(
  ctx: Context,
  entry: EntryView & { lowIndex: number | null; previousLowIndex: number | null },
): Promise<EntrySupport | null> {
  const list = entry.list;
  if (!may(ctx.viewer, 'support.read') || !entry.previouslyListed || list.previousListId === null)
    return null;
  const previous = await listRow(ctx, list.previousListId);
  if (!previous) return null;
  const support = (await yearSupport(ctx, previous, list.id)).get(entry.schoolId);
  return support ? { ...support, change: lowIndexChange(entry.lowIndex, entry.previousLowIndex) } : null;
}
