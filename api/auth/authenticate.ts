import { GraphQLError } from 'graphql';
import { type JWTPayload } from 'jose';
import { type Knex } from '../db/database.js';
import { verifyToken, type TokenKeys } from './tokens.js';
import { DEVELOPMENT_VIEWER, PUBLIC_VIEWER, Role, type Scope, type Viewer } from './viewer.js';

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

/** Scope from the token's claims, the place codes resolved to ids; anything missing denies. */
async function scopeOf(knex: Knex, role: Role, claims: JWTPayload): Promise<Scope> {
  const text = (key: string) => (typeof claims[key] === 'string' ? (claims[key] as string) : null);
  switch (role) {
    case Role.MINISTRY:
      return { kind: 'ALL' };
    case Role.REGION_ANALYST: {
      const ids = await knex('region')
        .where('code', text('region') ?? '')
        .pluck<number[]>('id');
      return ids.length ? { kind: 'REGIONS', regionIds: ids } : { kind: 'NONE' };
    }
    case Role.MUNICIPAL_ANALYST: {
      const id = Number(claims.municipality);
      const ids = Number.isSafeInteger(id)
        ? await knex('municipality').where('id', id).pluck<number[]>('id')
        : [];
      return ids.length ? { kind: 'MUNICIPALITIES', municipalityIds: ids } : { kind: 'NONE' };
    }
    case Role.SCHOOL: {
      const ids = await knex('school')
        .where('code', text('school') ?? '')
        .pluck<number[]>('id');
      return ids.length ? { kind: 'SCHOOLS', schoolIds: ids } : { kind: 'NONE' };
    }
    case Role.BI_SERVICE: {
      // A service account's scope is configured per account: all, or some regions by code.
      if (claims.all === true) return { kind: 'ALL' };
      const codes = Array.isArray(claims.regions)
        ? claims.regions.filter((c): c is string => typeof c === 'string')
        : [];
      const ids = codes.length ? await knex('region').whereIn('code', codes).pluck<number[]>('id') : [];
      return ids.length ? { kind: 'REGIONS', regionIds: ids } : { kind: 'NONE' };
    }
    default:
      return { kind: 'NONE' };
  }
}

/** Who is asking: a verified bearer token, or the development viewer in development mode. */
export async function authenticate(
  authorization: string | undefined,
  settings: AuthSettings,
  knex: Knex,
): Promise<Viewer> {
  if (!authorization) {
    if (settings.devMode) return DEVELOPMENT_VIEWER;
    if (settings.publicAccess) return PUBLIC_VIEWER;
    throw unauthenticated('A bearer token is required (Authorization: Bearer <token>)');
  }
  const match = /^Bearer\s+(\S+)$/i.exec(authorization);
  if (!match) throw unauthenticated('The Authorization header must be «Bearer <token>»');
  let claims: JWTPayload;
  try {
    claims = await verifyToken(match[1] as string, settings.keys);
  } catch (error) {
    throw unauthenticated(`Invalid token: ${(error as Error).message}`);
  }
  const role = typeof claims.role === 'string' && ROLES.has(claims.role) ? (claims.role as Role) : null;
  if (!role) throw unauthenticated('The token carries no known role');
  return { id: claims.sub ?? `${role.toLowerCase()}-token`, role, scope: await scopeOf(knex, role, claims) };
}
