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
  ),
  [Role.MUNICIPAL_ANALYST]: set(
    'analytics.whatIf',
    'analytics.build',
    'statistics.perSchool',
    'statistics.pickSchools',
    'statistics.placeUnion',
    'exports.run',
  ),
  [Role.SCHOOL]: set(
    'analytics.whatIf',
    'analytics.build',
    'statistics.perSchool',
    'statistics.pickSchools',
    'statistics.placeUnion',
    'exports.run',
  ),
  [Role.BI_SERVICE]: set(
    'analytics.whatIf',
    'analytics.build',
    'statistics.perSchool',
    'statistics.pickSchools',
    'statistics.placeUnion',
    'exports.run',
  ),
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

/** Where an allowed action holds, when not everywhere the role is. */
const WHERE: Partial<Record<Action, (scope: Scope, target: Target) => boolean>> = {
  'imports.run': regional,
  'lists.create': ownRegion,
  'lists.decide': ownRegion,
  'lists.approve': ownRegion,
  'lists.publish': ownRegion,
  'analytics.whatIf': seesAnalytics,
  'analytics.build': seesAnalytics,
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
