import { createHash, randomBytes } from 'node:crypto';
import { type Queryable } from '../../db/queryable.js';

/** The stored form of a key: SHA-256 (keys are long random strings, so no salt or slow hash is needed). */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** Creates a key bound to claims (role and place, as in a token); the key itself is shown once and never stored. */
export async function createApiKey(
  db: Queryable,
  name: string,
  claims: Record<string, unknown>,
): Promise<string> {
  const key = `shnor_${randomBytes(24).toString('base64url')}`;
  await db.query(`insert into api_key (name, hash, claims) values ($1, $2, $3)`, [
    name,
    hashApiKey(key),
    JSON.stringify(claims),
  ]);
  return key;
}

export async function revokeApiKey(db: Queryable, name: string): Promise<boolean> {
  const rows = await db.query(
    `update api_key set revoked_at = now() where name = $1 and revoked_at is null returning id`,
    [name],
  );
  return rows.length > 0;
}

/** The claims of a live key, or null (unknown or revoked). */
export async function apiKeyClaims(
  db: Queryable,
  key: string,
): Promise<{ name: string; claims: Record<string, unknown> } | null> {
  const [row] = await db.query<{ name: string; claims: Record<string, unknown> }>(
    `select name, claims from api_key where hash = $1 and revoked_at is null`,
    [hashApiKey(key)],
  );
  return row ?? null;
}
