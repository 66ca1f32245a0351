import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { Role, type Viewer } from '../../db/viewer.js';
import { ForbiddenError } from '../errors.js';
import { ACTIONS, authorize, may, PERMISSIONS, type Action, type Target } from './permissions.js';

/**
 * Every role as its token makes it (region 1, municipality 10, school 100; BIA a service account with
 * `all: true`), and as a token naming an unknown place makes it (…0: scope NONE).
 */
const VIEWERS = {
  MIN: { id: 'm', role: Role.MINISTRY, scope: { kind: 'ALL' } },
  REG: { id: 'r', role: Role.REGION_ANALYST, scope: { kind: 'REGIONS', regionIds: [1] } },
  RG0: { id: 'r0', role: Role.REGION_ANALYST, scope: { kind: 'NONE' } },
  MUN: { id: 'mu', role: Role.MUNICIPAL_ANALYST, scope: { kind: 'MUNICIPALITIES', municipalityIds: [10] } },
  MU0: { id: 'mu0', role: Role.MUNICIPAL_ANALYST, scope: { kind: 'NONE' } },
  SCH: { id: 's', role: Role.SCHOOL, scope: { kind: 'SCHOOLS', schoolIds: [100] } },
  SC0: { id: 's0', role: Role.SCHOOL, scope: { kind: 'NONE' } },
  BIR: { id: 'bi', role: Role.BI_SERVICE, scope: { kind: 'REGIONS', regionIds: [1] } },
  BIA: { id: 'bia', role: Role.BI_SERVICE, scope: { kind: 'ALL' } },
  BI0: { id: 'bi0', role: Role.BI_SERVICE, scope: { kind: 'NONE' } },
  CUR: { id: 'c', role: Role.CURATOR, scope: { kind: 'SCHOOLS', schoolIds: [100] } },
  CU0: { id: 'c0', role: Role.CURATOR, scope: { kind: 'NONE' } },
  PUB: { id: 'p', role: Role.PUBLIC, scope: { kind: 'PUBLIC' } },
  PB0: { id: 'p0', role: Role.PUBLIC, scope: { kind: 'NONE' } },
} satisfies Record<string, Viewer>;

type ViewerName = keyof typeof VIEWERS;
const COLUMNS = Object.keys(VIEWERS) as ViewerName[];

/** The targets of every cell: none (before a list is looked up), region 1 (the viewers' own), region 2. */
const TARGETS: Target[] = [{}, { regionId: 1 }, { regionId: 2 }];

type SupportAction = Extract<Action, `support.${string}`>;

/** Each cell: the three TARGETS, Y allowed, - denied; one column per viewer, in the order of VIEWERS. */
// prettier-ignore
const MATRIX: Record<Exclude<Action, SupportAction>, string> = {
  //                        MIN REG RG0 MUN MU0 SCH SC0 BIR BIA BI0 CUR CU0 PUB PB0
  'imports.run':            'YYY YYY --- --- --- --- --- --- --- --- --- --- --- ---',
  'imports.read':           'YYY YYY YYY --- --- --- --- --- --- --- --- --- --- ---',
  'imports.readAll':        'YYY --- --- --- --- --- --- --- --- --- --- --- --- ---',
  'lists.create':           'YYY YY- Y-- --- --- --- --- --- --- --- --- --- --- ---',
  'lists.decide':           'YYY YY- Y-- --- --- --- --- --- --- --- --- --- --- ---',
  'lists.approve':          'YYY YY- Y-- --- --- --- --- --- --- --- --- --- --- ---',
  'lists.publish':          'YYY YY- Y-- --- --- --- --- --- --- --- --- --- --- ---',
  'methodology.store':      'YYY YYY YYY --- --- --- --- --- --- --- --- --- --- ---',
  'analytics.whatIf':       'YYY YYY --- YYY --- YYY --- YYY YYY --- --- --- --- ---',
  'analytics.build':        'YYY YYY --- YYY --- YYY --- YYY YYY --- --- --- --- ---',
  'statistics.perSchool':   'YYY YYY YYY YYY YYY YYY YYY YYY YYY YYY --- --- --- ---',
  'statistics.pickSchools': 'YYY YYY YYY YYY YYY YYY YYY YYY YYY YYY --- --- --- ---',
  'statistics.placeUnion':  'YYY YYY YYY YYY YYY YYY YYY YYY YYY YYY --- --- --- ---',
  'audit.read':             'YYY --- --- --- --- --- --- --- --- --- --- --- --- ---',
  'exports.run':            'YYY YYY YYY YYY YYY YYY YYY YYY YYY YYY YYY YYY YYY YYY',
};

/**
 * The places of the support system's actions (SUPPORT-V1 §1): none (before the entity is found),
 * region 1's own, municipality 10 of region 1, school 100 of municipality 10, municipality 11,
 * school 101 of municipality 10, region 2.
 */
const PLACES: Target[] = [
  {},
  { place: { regionId: 1 } },
  { place: { regionId: 1, municipalityId: 10 } },
  { place: { regionId: 1, municipalityId: 10, schoolId: 100 } },
  { place: { regionId: 1, municipalityId: 11 } },
  { place: { regionId: 1, municipalityId: 10, schoolId: 101 } },
  { place: { regionId: 2 } },
];

/** Each cell: the seven PLACES. A writer acts at its own level; a municipality reviews its schools' documents too. */
// prettier-ignore
const SUPPORT_MATRIX: Record<SupportAction, string> = {
  //                      MIN     REG     RG0     MUN     MU0     SCH     SC0     BIR     BIA     BI0     CUR     CU0     PUB     PB0
  'support.read':        'YYYYYYY YYYYYYY YYYYYYY YYYYYYY YYYYYYY YYYYYYY YYYYYYY YYYYYYY YYYYYYY YYYYYYY YYYYYYY YYYYYYY ------- -------',
  'support.plan':        'YYYYYYY YY----- Y------ Y-Y---- Y------ Y--Y--- Y------ ------- ------- ------- ------- ------- ------- -------',
  'support.assign':      'YYYYYYY ------- ------- Y-Y---- Y------ ------- ------- ------- ------- ------- ------- ------- ------- -------',
  'support.mmc':         'YYYYYYY YY----- Y------ ------- ------- ------- ------- ------- ------- ------- ------- ------- ------- -------',
  'support.schoolWork':  '------- ------- ------- ------- ------- Y--Y--- Y------ ------- ------- ------- ------- ------- ------- -------',
  'support.diagnostics': 'YYYYYYY ------- ------- Y-YY-Y- Y------ Y--Y--- Y------ ------- ------- ------- ------- ------- ------- -------',
  'support.review':      'YYYYYYY ------- ------- Y-YY-Y- Y------ ------- ------- ------- ------- ------- Y--Y--- Y------ ------- -------',
  'support.import':      'YYYYYYY YY----- Y------ Y-Y---- Y------ ------- ------- ------- ------- ------- ------- ------- ------- -------',
  'support.monitor':     'YYYYYYY YYYYYY- Y------ Y-YY-Y- Y------ ------- ------- YYYYYY- YYYYYYY Y------ ------- ------- ------- -------',
};

const cellsOf = (action: Action): { cells: string[]; targets: Target[] } =>
  action.startsWith('support.')
    ? { cells: SUPPORT_MATRIX[action as SupportAction].split(' '), targets: PLACES }
    : { cells: MATRIX[action as Exclude<Action, SupportAction>].split(' '), targets: TARGETS };

const cases = ACTIONS.flatMap((action) => {
  const { cells, targets } = cellsOf(action);
  return COLUMNS.flatMap((name, column) =>
    targets.map((target, t) => ({ action, name, target, allowed: cells[column]?.[t] === 'Y' })),
  );
});

describe('the permission table', () => {
  it('the matrix names every action once, every viewer once, every role', () => {
    expect([...Object.keys(MATRIX), ...Object.keys(SUPPORT_MATRIX)].sort()).toEqual([...ACTIONS].sort());
    expect(new Set(ACTIONS).size).toBe(ACTIONS.length);
    for (const action of ACTIONS) expect(cellsOf(action).cells, action).toHaveLength(COLUMNS.length);
    expect(Object.keys(PERMISSIONS).sort()).toEqual(Object.values(Role).sort());
    expect(new Set(Object.values(VIEWERS).map((v) => v.role))).toEqual(new Set(Object.values(Role)));
  });

  it.each(cases)('$name $action $target: $allowed', ({ action, name, target, allowed }) => {
    const viewer = VIEWERS[name];
    expect(may(viewer, action, target)).toBe(allowed);
    if (allowed) expect(() => authorize(viewer, action, target)).not.toThrow();
    else expect(() => authorize(viewer, action, target)).toThrow(ForbiddenError);
  });

  it('denies a role the table does not know', () => {
    const stranger = { id: 'x', role: 'ADMIN' as Role, scope: { kind: 'ALL' } } satisfies Viewer;
    for (const action of ACTIONS) expect(may(stranger, action), action).toBe(false);
  });
});

describe('authorize', () => {
  const refusal = (viewer: Viewer, action: Action, target?: Target): ForbiddenError => {
    try {
      authorize(viewer, action, target);
    } catch (error) {
      return error as ForbiddenError;
    }
    throw new Error(`${viewer.id} may ${action}`);
  };

  it('throws one GraphQL error, FORBIDDEN naming the action and the argument', () => {
    const error = refusal(VIEWERS.PUB, 'analytics.whatIf', { argument: 'overrides' });
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error.message).toBe('What-if overrides need a role that may see analytics');
    expect(error.extensions).toEqual({
      code: 'FORBIDDEN',
      action: 'analytics.whatIf',
      argument: 'overrides',
    });
    expect(refusal(VIEWERS.REG, 'audit.read').extensions).toEqual({
      code: 'FORBIDDEN',
      action: 'audit.read',
    });
  });

  it('says whether the role or the place refused', () => {
    expect(refusal(VIEWERS.BIR, 'lists.approve', { regionId: 1 }).message).toBe(
      'Only the ministry and regional analysts may change ШНОР lists',
    );
    expect(refusal(VIEWERS.REG, 'lists.approve', { regionId: 2 }).message).toBe(
      'A regional analyst may change the lists of its own region only',
    );
  });

  it('names the argument and the version in the message where they matter', () => {
    expect(refusal(VIEWERS.PUB, 'statistics.pickSchools', { argument: 'filter.schoolCodes' }).message).toBe(
      'filter.schoolCodes: public access shows regions and municipalities, not schools picked by schoolCodes',
    );
    expect(
      refusal(VIEWERS.PUB, 'statistics.placeUnion', { argument: 'filter.municipalityIds' }).message,
    ).toBe('filter.municipalityIds: public access needs MUNICIPALITY in groupBy with a municipality filter');
    expect(refusal(VIEWERS.PUB, 'statistics.placeUnion', { argument: 'filter.regionCodes' }).message).toBe(
      'filter.regionCodes: public access needs REGION or MUNICIPALITY in groupBy with a region filter',
    );
    expect(refusal(VIEWERS.MU0, 'analytics.build', { version: 'region-56' }).message).toBe(
      'The analytics of version «region-56» are not built yet; this viewer may not build them',
    );
  });
});
