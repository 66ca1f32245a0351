import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { type JWTPayload } from 'jose';
import { type Queryable } from '../../db/queryable.js';
import { sql, type Sql } from '../../db/sql.js';
import { isRowId } from '../row-id.js';
import { apiKeyClaims } from './api-keys.js';
import { verifyToken, type TokenKeys } from './tokens.js';
import { DEVELOPMENT_VIEWER, PUBLIC_VIEWER, Role, type Scope, type Viewer } from '../../db/viewer.js';

export interface AuthSettings {
  keys: TokenKeys;
  /** No token → the development viewer (full scope). Never on when NODE_ENV=production. */
  devMode: boolean;
  /** No token → the public viewer (aggregates of regions and municipalities only). */
  publicAccess: boolean;
}

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

const ROLES = new Set<string>(Object.values(Role));

/** A place claim of the wrong type is a malformed token, never coerced (`municipality: true` is not 1). */
function claim<T>(claims: JWTPayload, key: string, valid: (v: unknown) => v is T, what: string): T {
  const value = claims[key];
  if (!valid(value)) throw unauthenticated(`The token's «${key}» claim must be ${what}`);
  return value;
}
const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 64;
const isCodes = (v: unknown): v is string[] => Array.isArray(v) && v.length <= 100 && v.every(isText);

/** The ids a statement `select id …` finds. */
async function idsOf(db: Queryable, statement: Sql): Promise<number[]> {
  return (await db.query<{ id: number }>(statement)).map((r) => r.id);
}

/** Scope from the token's claims, the place codes resolved to ids; a place that does not exist denies. */
async function scopeOf(db: Queryable, role: Role, claims: JWTPayload): Promise<Scope> {
  switch (role) {
    case Role.MINISTRY:
      return { kind: 'ALL' };
    case Role.REGION_ANALYST: {
      const code = claim(claims, 'region', isText, 'a region code (text)');
      const ids = await idsOf(db, sql`select id from region where code = ${code}`);
      return ids.length ? { kind: 'REGIONS', regionIds: ids } : { kind: 'NONE' };
    }
    case Role.MUNICIPAL_ANALYST: {
      const id = Number(
        claim(
          claims,
          'municipality',
          (v): v is number | string => isRowId(v),
          'a municipality id (a positive integer)',
        ),
      );
      const ids = await idsOf(db, sql`select id from municipality where id = ${id}`);
      return ids.length ? { kind: 'MUNICIPALITIES', municipalityIds: ids } : { kind: 'NONE' };
    }
    case Role.SCHOOL: {
      const code = claim(claims, 'school', isText, 'a school code (text)');
      const ids = await idsOf(db, sql`select id from school where code = ${code}`);
      return ids.length ? { kind: 'SCHOOLS', schoolIds: ids } : { kind: 'NONE' };
    }
    case Role.BI_SERVICE: {
      // A service account's scope is configured per account: all, or some regions by code.
      if (claims.all === true) return { kind: 'ALL' };
      const codes = claim(claims, 'regions', isCodes, 'a list of region codes (or all: true)');
      const ids = codes.length
        ? await idsOf(db, sql`select id from region where ${sql.in(sql`code`, codes)}`)
        : [];
      return ids.length ? { kind: 'REGIONS', regionIds: ids } : { kind: 'NONE' };
    }
    case Role.CURATOR: {
      // The person the token names; the schools are its CURATOR assignments open on the request
      // date, a date of the assignment's own region (its time zone), so a curator's day ends at
      // its own midnight.
      const person = claim(claims, 'person', isText, 'the person key of a curator (text)');
      const ids = await idsOf(
        db,
        sql`select distinct a.school_id as id from assignment a join region r on r.id = a.region_id
          where a.kind = 'CURATOR' and a.person_key = ${person}
            and a.valid_from <= (now() at time zone r.time_zone)::date
            and (a.valid_to is null or a.valid_to >= (now() at time zone r.time_zone)::date)
          order by 1`,
      );
      return ids.length ? { kind: 'SCHOOLS', schoolIds: ids } : { kind: 'NONE' };
    }
    default:
      return { kind: 'NONE' };
  }
}

/** The claims behind an Authorization header: a verified bearer JWT, or a live API key of a service account. */
async function claimsOf(authorization: string, settings: AuthSettings, db: Queryable): Promise<JWTPayload> {
  const apiKey = /^ApiKey\s+(\S+)$/i.exec(authorization.trim());
  if (apiKey) {
    const found = await apiKeyClaims(db, apiKey[1] as string);
    if (!found) throw unauthenticated('Unknown or revoked API key');
    return found.claims;
  }
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!bearer) throw unauthenticated('The Authorization header must be «Bearer <token>» or «ApiKey <key>»');
  try {
    return await verifyToken(bearer[1] as string, settings.keys);
  } catch (error) {
    throw unauthenticated(`Invalid token: ${(error as Error).message}`);
  }
}

/**
 * The caller a request is counted against (rate limit, pool share): the verified subject, else
 * the credential itself — never the raw header, whose spelling (`bearer`, two spaces) is free.
 */
function callerOf(authorization: string, claims: JWTPayload, role: Role): string {
  if (typeof claims.sub === 'string' && claims.sub) return `sub:${role}:${claims.sub}`;
  const credential = authorization.trim().split(/\s+/)[1] ?? '';
  return `credential:${createHash('sha256').update(credential).digest('hex').slice(0, 32)}`;
}

/** Who is asking: a bearer token or an API key, else the development or public viewer when enabled. */
export async function authenticate(
  authorization: string | undefined,
  settings: AuthSettings,
  db: Queryable,
): Promise<Viewer> {
  if (!authorization) {
    if (settings.devMode) return DEVELOPMENT_VIEWER;
    if (settings.publicAccess) return PUBLIC_VIEWER;
    throw unauthenticated('A bearer token is required (Authorization: Bearer <token>)');
  }
  const claims = await claimsOf(authorization, settings, db);
  const role = typeof claims.role === 'string' && ROLES.has(claims.role) ? (claims.role as Role) : null;
  if (!role) throw unauthenticated('The token carries no known role');
  return {
    id: claims.sub ?? `${role.toLowerCase()}-token`,
    role,
    scope: await scopeOf(db, role, claims),
    caller: callerOf(authorization, claims, role),
  };
}
