import { scopeHolds } from '../../db/scope.js';
import { Role, type Scope, type Viewer } from '../../db/viewer.js';
import { ForbiddenError } from '../errors.js';

/**
 * THE permission table: what each role may do, and where. Every check of an action in the API is
 * one `authorize(viewer, action, target?)` (or `may` where a route only picks what to show); a new
 * permission is one line in PERMISSIONS (and WHERE, if it holds in some places only) plus that call.
 * Default deny: an action a role does not list, or a role not in the table, is FORBIDDEN.
 *
 * Which rows a viewer reads is not decided here: that is the data scope (scope.ts).
 */
export const ACTIONS = [
  /** Import a file (`POST /import/<kind>`, `npm run import`); a region analyst's rows are then checked one by one. */
  'imports.run',
  /** The `imports` log: its own imports. */
  'imports.read',
  /** The `imports` log: everybody's. */
  'imports.readAll',
  /** `createShnorList`. */
  'lists.create',
  /** `setShnorListEntry`. */
  'lists.decide',
  /** `approveShnorList`. */
  'lists.approve',
  /** `publishShnorList`. */
  'lists.publish',
  /** `createMethodologyVersion`. */
  'methodology.store',
  /** Analytics with what-if `overrides`: a build over the whole country (README: Security). */
  'analytics.whatIf',
  /** Build the analytics of a stored version nobody has asked for since it was stored. */
  'analytics.build',
  /** `vprStatistics`/`giaStatistics` grouped by SCHOOL. */
  'statistics.perSchool',
  /** Statistics filtered by what picks schools: codes, name, type, locality. */
  'statistics.pickSchools',
  /** Statistics over a place filter without that place in `groupBy` (a union of places). */
  'statistics.placeUnion',
  /** `auditLog`. */
  'audit.read',
  /** `GET /export/…`, `npm run export`: the export's own operation then decides field by field. */
  'exports.run',
  /** Read the support system (SUPPORT-V1 §1) of the places in scope; best practices when published. */
  'support.read',
  /** Orders, roadmaps and their activities and status records, working groups, events — of its own place. */
  'support.plan',
  /** Coordinators, curators and partnerships of its municipality (§1: MUN). */
  'support.assign',
  /** ММЦ and their attachments in its region (§1: REG). */
  'support.mmc',
  /** A school's own documents (submit), measures, reports and best practices (§1: SCH). */
  'support.schoolWork',
  /** Local diagnostics of a school (§1: SCH, MUN). */
  'support.diagnostics',
  /** Approve or return a school document with a comment (§1: CURATOR of the school, or MUN). */
  'support.review',
  /** Bulk imports of the support lists (orders, assignments, …) of its place. */
  'support.import',
  /** Execution monitoring (SUPPORT-V1 §5) of a region or municipality its scope covers, and its report. */
  'support.monitor',
] as const;

export type Action = (typeof ACTIONS)[number];

const set = (...actions: Action[]): ReadonlySet<Action> => new Set(actions);

/** What each role may do. */
export const PERMISSIONS: Readonly<Record<Role, ReadonlySet<Action>>> = {
  [Role.MINISTRY]: set(
    'imports.run',
    'imports.read',
    'imports.readAll',
    'lists.create',
    'lists.decide',
    'lists.approve',
    'lists.publish',
    'methodology.store',
    'analytics.whatIf',
    'analytics.build',
    'statistics.perSchool',
    'statistics.pickSchools',
    'statistics.placeUnion',
    'audit.read',
    'exports.run',
    'support.read',
    'support.plan',
    'support.assign',
    'support.mmc',
    'support.diagnostics',
    'support.review',
    'support.import',
    'support.monitor',
  ),
  [Role.REGION_ANALYST]: set(
    'imports.run',
    'imports.read',
    'lists.create',
    'lists.decide',
    'lists.approve',
    'lists.publish',
    'methodology.store',
    'analytics.whatIf',
    'analytics.build',
    'statistics.perSchool',
    'statistics.pickSchools',
    'statistics.placeUnion',
    'exports.run',
    'support.read',
    'support.plan',
    'support.mmc',
    'support.import',
    'support.monitor',
  ),
  [Role.MUNICIPAL_ANALYST]: set(
    'analytics.whatIf',
    'analytics.build',
    'statistics.perSchool',
    'statistics.pickSchools',
    'statistics.placeUnion',
    'exports.run',
    'support.read',
    'support.plan',
    'support.assign',
    'support.diagnostics',
    'support.review',
    'support.import',
    'support.monitor',
  ),
  [Role.SCHOOL]: set(
    'analytics.whatIf',
    'analytics.build',
    'statistics.perSchool',
    'statistics.pickSchools',
    'statistics.placeUnion',
    'exports.run',
    'support.read',
    'support.plan',
    'support.schoolWork',
    'support.diagnostics',
  ),
  [Role.BI_SERVICE]: set(
    'analytics.whatIf',
    'analytics.build',
    'statistics.perSchool',
    'statistics.pickSchools',
    'statistics.placeUnion',
    'exports.run',
    'support.read',
    'support.monitor',
  ),
  // The school-level data of the assigned schools, and their documents to review.
  [Role.CURATOR]: set('support.read', 'support.review', 'exports.run'),
  // Aggregates of whole places only (README: Security).
  [Role.PUBLIC]: set('exports.run'),
};

/** What an action touches, when that decides it or names it in the refusal. */
export interface Target {
  /** The region the action changes (a list's region): a regional analyst acts in its own only. */
  regionId?: number;
  /** The methodology version the action builds (named in the refusal). */
  version?: string;
  /** The argument that asks for the action (`extensions.argument` of the refusal). */
  argument?: string;
  /**
   * The place a support entity belongs to (SUPPORT-V1 §1): a region's own (no municipality), a
   * municipality's (no school) or a school's. Its writer is the analyst of exactly that level.
   */
  place?: { regionId: number; municipalityId?: number | null; schoolId?: number | null };
}

/** The ministry's scope, or a region analyst's whose region exists. */
const regional = (scope: Scope) => scope.kind === 'ALL' || scope.kind === 'REGIONS';

/** The whole target region is in the scope. Without a target (the list not looked up yet): the role decides. */
const ownRegion = (scope: Scope, target: Target) =>
  target.regionId === undefined ||
  scope.kind === 'ALL' ||
  (scope.kind === 'REGIONS' && scope.regionIds.includes(target.regionId));

/** The scope holds a place: a viewer who sees no analytics (public, an unknown place) may not compute any. */
const seesAnalytics = (scope: Scope) =>
  scope.kind === 'ALL' ||
  scope.kind === 'REGIONS' ||
  scope.kind === 'MUNICIPALITIES' ||
  scope.kind === 'SCHOOLS';

/**
 * The viewer acts at the level of the target place: a region analyst on its region's own entities,
 * a municipal analyst on its municipality's, a school (or a curator) on its school's; the ministry
 * everywhere. Without a place the role decides (the place is checked once the entity is found).
 */
const ownPlace = (scope: Scope, target: Target) => {
  const place = target.place;
  if (!place) return true;
  const municipality = place.municipalityId ?? null;
  const school = place.schoolId ?? null;
  switch (scope.kind) {
    case 'ALL':
      return true;
    case 'REGIONS':
      return municipality === null && school === null && scope.regionIds.includes(place.regionId);
    case 'MUNICIPALITIES':
      return municipality !== null && school === null && scope.municipalityIds.includes(municipality);
    case 'SCHOOLS':
      return school !== null && scope.schoolIds.includes(school);
    default:
      return false;
  }
};

/** A municipal analyst also acts on the schools of its municipality (reviews, diagnostics). */
const ownPlaceOrItsSchools = (scope: Scope, target: Target) =>
  ownPlace(scope, target) ||
  (scope.kind === 'MUNICIPALITIES' &&
    target.place?.municipalityId != null &&
    scope.municipalityIds.includes(target.place.municipalityId));

/** The scope holds the whole place: a region's, or a municipality's (a school's: its municipality's). */
const coversPlace = (scope: Scope, target: Target) => !target.place || scopeHolds(scope, target.place);

/** Where an allowed action holds, when not everywhere the role is. */
const WHERE: Partial<Record<Action, (scope: Scope, target: Target) => boolean>> = {
  'imports.run': regional,
  'lists.create': ownRegion,
  'lists.decide': ownRegion,
  'lists.approve': ownRegion,
  'lists.publish': ownRegion,
  'analytics.whatIf': seesAnalytics,
  'analytics.build': seesAnalytics,
  'support.plan': ownPlace,
  'support.assign': ownPlace,
  'support.mmc': ownPlace,
  'support.schoolWork': ownPlace,
  'support.diagnostics': ownPlaceOrItsSchools,
  'support.review': ownPlaceOrItsSchools,
  'support.import': ownPlace,
  'support.monitor': coversPlace,
};

type Message = string | ((target: Target) => string);

const LISTS: Message = 'Only the ministry and regional analysts may change ШНОР lists';
const IMPORTS: Message = 'Imports are for the ministry and region analysts';

/** What a refused caller reads: why its role may not (and `place`, why not there, when that differs). */
const REFUSALS: Record<Action, { role: Message; place?: Message }> = {
  'imports.run': { role: IMPORTS },
  'imports.read': { role: IMPORTS },
  'imports.readAll': { role: 'The imports of others are for the ministry' },
  'lists.create': { role: LISTS, place: 'A regional analyst may change the lists of its own region only' },
  'lists.decide': { role: LISTS, place: 'A regional analyst may change the lists of its own region only' },
  'lists.approve': { role: LISTS, place: 'A regional analyst may change the lists of its own region only' },
  'lists.publish': { role: LISTS, place: 'A regional analyst may change the lists of its own region only' },
  'methodology.store': { role: 'Only the ministry and regional analysts may store methodology versions' },
  'analytics.whatIf': { role: 'What-if overrides need a role that may see analytics' },
  'analytics.build': {
    role: (t) => `The analytics of version «${t.version}» are not built yet; this viewer may not build them`,
  },
  'statistics.perSchool': { role: 'Public access shows regions and municipalities, not single schools' },
  'statistics.pickSchools': {
    role: (t) =>
      `${t.argument}: public access shows regions and municipalities, not schools picked by ${t.argument?.split('.').pop()}`,
  },
  'statistics.placeUnion': {
    role: (t) =>
      t.argument === 'filter.municipalityIds'
        ? 'filter.municipalityIds: public access needs MUNICIPALITY in groupBy with a municipality filter'
        : `${t.argument}: public access needs REGION or MUNICIPALITY in groupBy with a region filter`,
  },
  'audit.read': { role: 'The audit log is for the ministry' },
  'exports.run': { role: 'Exports are not open to this viewer' },
  'support.read': { role: 'The support system is not open to this viewer' },
  'support.plan': {
    role: 'Orders, roadmaps, working groups and events are written by the analysts of their place and by schools',
    place: 'Only the analyst of this place (or the school itself) may write here',
  },
  'support.assign': {
    role: 'Coordinators, curators and partnerships are set by the municipality',
    place: 'Only the analyst of this municipality may set its coordinators, curators and partnerships',
  },
  'support.mmc': {
    role: 'ММЦ are set by the region',
    place: 'Only the analyst of this region may set its ММЦ',
  },
  'support.schoolWork': {
    role: 'Documents, measures, reports and best practices are written by the school',
    place: 'A school writes its own documents, measures, reports and best practices only',
  },
  'support.diagnostics': {
    role: 'Diagnostics are entered by the school or its municipality',
    place: 'Only this school or its municipality may enter its diagnostics',
  },
  'support.review': {
    role: 'Documents are approved or returned by the school’s curator or its municipality',
    place: 'Only a curator assigned to this school today, or its municipality, may review its documents',
  },
  'support.import': {
    role: 'Support lists are imported by the analysts of their place',
    place: 'Only the analyst of this place may import its support lists',
  },
  'support.monitor': {
    role: 'Execution monitoring is for the analysts of a region or municipality and BI services',
    place: 'Execution monitoring of a place outside this viewer’s scope',
  },
};

/** Why the viewer may not: its role, or the place; null when it may. */
function refusedFor(viewer: Viewer, action: Action, target: Target): 'role' | 'place' | null {
  const allowed = PERMISSIONS[viewer.role] as ReadonlySet<Action> | undefined;
  if (!allowed?.has(action)) return 'role';
  const where = WHERE[action];
  return where && !where(viewer.scope, target) ? 'place' : null;
}

/** Whether the viewer may do `action` (on `target`). */
export function may(viewer: Viewer, action: Action, target: Target = {}): boolean {
  return refusedFor(viewer, action, target) === null;
}

/** THE permission check: returns when the viewer may do `action` (on `target`), else throws FORBIDDEN naming the action. */
export function authorize(viewer: Viewer, action: Action, target: Target = {}): void {
  const refused = refusedFor(viewer, action, target);
  if (!refused) return;
  const refusal = REFUSALS[action];
  const message = (refused === 'place' && refusal.place) || refusal.role;
  throw new ForbiddenError(action, typeof message === 'string' ? message : message(target), target.argument);
}
