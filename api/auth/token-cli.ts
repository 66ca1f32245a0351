import { mintToken } from './tokens.js';

/**
 * `npm run token -- --role REGION_ANALYST --region 56 [--ttl 8h] [--sub name]`: an HS256 bearer token
 * signed with AUTH_JWT_SECRET, for trying the API as each role (README: Authentication).
 */
const args = process.argv.slice(2);
const claims: Record<string, unknown> = {};
let ttl = '8h';
for (let i = 0; i < args.length; i += 2) {
  const key = args[i]?.replace(/^--/, '');
  const value = args[i + 1];
  if (!key || value === undefined)
    throw new Error(
      'usage: npm run token -- --role ROLE [--region CODE] [--municipality ID] [--school CODE] [--regions A,B] [--all true] [--ttl 8h]',
    );
  if (key === 'ttl') ttl = value;
  else if (key === 'regions') claims.regions = value.split(',');
  else if (key === 'all') claims.all = value === 'true';
  else claims[key] = value;
}
const secret = process.env.AUTH_JWT_SECRET;
if (!secret) throw new Error('AUTH_JWT_SECRET is not set');
console.log(await mintToken(secret, claims, ttl));
