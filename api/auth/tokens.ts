import { readFileSync } from 'node:fs';
import { createLocalJWKSet, decodeProtectedHeader, type JWTPayload, jwtVerify, SignJWT } from 'jose';

/** What verifies bearer tokens: a shared secret (HS256) and/or public keys from a JWKS file (RS256, ES256). */
export interface TokenKeys {
  secret: Uint8Array | null;
  jwks: ReturnType<typeof createLocalJWKSet> | null;
  issuer?: string;
  audience?: string;
}

export function loadTokenKeys(options: {
  secret?: string;
  jwksFile?: string;
  issuer?: string;
  audience?: string;
}): TokenKeys {
  return {
    secret: options.secret ? new TextEncoder().encode(options.secret) : null,
    jwks: options.jwksFile ? createLocalJWKSet(JSON.parse(readFileSync(options.jwksFile, 'utf8'))) : null,
    issuer: options.issuer,
    audience: options.audience,
  };
}

const ASYMMETRIC = ['RS256', 'ES256'];

/**
 * Verifies signature, expiry and (when configured) issuer and audience. The algorithm is chosen by
 * which key verifies it, never by the token alone: `alg: none` and an HS256 token signed with a
 * public key are refused.
 */
export async function verifyToken(token: string, keys: TokenKeys): Promise<JWTPayload> {
  const { alg } = decodeProtectedHeader(token);
  const options = { issuer: keys.issuer, audience: keys.audience };
  if (alg === 'HS256' && keys.secret) {
    return (await jwtVerify(token, keys.secret, { ...options, algorithms: ['HS256'] })).payload;
  }
  if (alg && ASYMMETRIC.includes(alg) && keys.jwks) {
    return (await jwtVerify(token, keys.jwks, { ...options, algorithms: ASYMMETRIC })).payload;
  }
  throw new Error(`tokens signed with «${alg ?? 'none'}» are not accepted here`);
}

/** An HS256 token for a role and scope (the `npm run token` CLI and the tests). */
export function mintToken(secret: string, claims: Record<string, unknown>, ttl = '8h'): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(new TextEncoder().encode(secret));
}
