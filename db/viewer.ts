/** Who is asking. Authentication (a later issue) will build viewers from tokens; today only the development viewer exists. */
export enum Role {
  MINISTRY = 'MINISTRY',
  REGION_ANALYST = 'REGION_ANALYST',
  MUNICIPAL_ANALYST = 'MUNICIPAL_ANALYST',
  SCHOOL = 'SCHOOL',
  BI_SERVICE = 'BI_SERVICE',
  /** A curator (SUPPORT-V1 §1): the schools assigned to the person its token names, on the request date. */
  CURATOR = 'CURATOR',
  PUBLIC = 'PUBLIC',
}

/** What a viewer may read; anything not listed is denied. */
export type Scope =
  | { kind: 'ALL' }
  | { kind: 'REGIONS'; regionIds: readonly number[] }
  | { kind: 'MUNICIPALITIES'; municipalityIds: readonly number[] }
  | { kind: 'SCHOOLS'; schoolIds: readonly number[] }
  /** Aggregates of regions and municipalities only: no school-level row, no analytics. */
  | { kind: 'PUBLIC' }
  | { kind: 'NONE' };

export interface Viewer {
  id: string;
  role: Role;
  scope: Scope;
  /** Who is counted for rate and pool limits: the verified subject or credential; absent → the address. */
  caller?: string;
}

/** Until authentication lands: full scope, so `npm start` is usable from the IDE. */
/** Without a token when public access is on. */
export const PUBLIC_VIEWER: Viewer = { id: 'public', role: Role.PUBLIC, scope: { kind: 'PUBLIC' } };

export const DEVELOPMENT_VIEWER: Viewer = { id: 'development', role: Role.MINISTRY, scope: { kind: 'ALL' } };
