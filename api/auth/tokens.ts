import { readFileSync } from 'node:fs';
import { createLocalJWKSet, decodeProtectedHeader, type JWTPayload, jwtVerify, SignJWT } from 'jose';

/** What verifies bearer tokens: a shared secret (HS256) and/or public keys from a JWKS file (RS256, ES256). */
export interface TokenKeys {
  /** the HS256 key, imported once: jose would import raw bytes again on every verification */
  secret: Promise<CryptoKey> | null;
  jwks: ReturnType<typeof createLocalJWKSet> | null;
  issuer?: string;
  audience?: string;
  /** A token must expire (`exp`), at most this long after it was issued (or from now). */
  maxLifetimeSeconds: number;
}

export function loadTokenKeys(options: {
  secret?: string;
  jwksFile?: string;
  issuer?: string;
  audience?: string;
  maxLifetimeSeconds: number;
}): TokenKeys {
  return {
    maxLifetimeSeconds: options.maxLifetimeSeconds,
    secret: options.secret ? hmacKey(options.secret) : null,
    jwks: options.jwksFile ? createLocalJWKSet(JSON.parse(readFileSync(options.jwksFile, 'utf8'))) : null,
    issuer: options.issuer,
    audience: options.audience,
  };
}

function hmacKey(secret: string): Promise<CryptoKey> {
  const raw = new TextEncoder().encode(secret);
  return crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
}

const ASYMMETRIC = ['RS256', 'ES256'];

/**
 * Verifies signature, expiry and (when configured) issuer and audience. The algorithm is chosen by
 * which key verifies it, never by the token alone: `alg: none` and an HS256 token signed with a
 * public key are refused.
 */
export async function verifyToken(token: string, keys: TokenKeys): Promise<JWTPayload> {
  const { alg } = decodeProtectedHeader(token);
  const options = { issuer: keys.issuer, audience: keys.audience, requiredClaims: ['exp'] };
  let payload: JWTPayload;
  if (alg === 'HS256' && keys.secret) {
    payload = (await jwtVerify(token, await keys.secret, { ...options, algorithms: ['HS256'] })).payload;
  } else if (alg && ASYMMETRIC.includes(alg) && keys.jwks) {
    payload = (await jwtVerify(token, keys.jwks, { ...options, algorithms: ASYMMETRIC })).payload;
  } else {
    throw new Error(`tokens signed with «${alg ?? 'none'}» are not accepted here`);
  }
  // A token that never expires (or in a year) is a leaked credential waiting to happen.
  const issued = typeof payload.iat === 'number' ? payload.iat : Math.floor(Date.now() / 1000);
  const lifetime = (payload.exp as number) - issued;
  if (keys.maxLifetimeSeconds > 0 && lifetime > keys.maxLifetimeSeconds) {
    throw new Error(
      `the token lives ${lifetime} s, longer than the ${keys.maxLifetimeSeconds} s accepted here`,
    );
  }
  return payload;
}

/** An HS256 token for a role and scope (the `npm run token` CLI and the tests). */
export function mintToken(secret: string, claims: Record<string, unknown>, ttl = '8h'): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(new TextEncoder().encode(secret));
}
