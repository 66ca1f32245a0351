import { loadTokenSettings } from '../../config/settings.js';
import { exitOnOperatorError, orExit, UsageError } from '../../config/operator-error.js';
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
  if (!key || value === undefined) {
    exitOnOperatorError(
      'token',
      new UsageError(
        `${key ? `--${key} needs a value` : 'an option is missing'}; usage: npm run token -- --role ROLE [--region CODE] [--municipality ID] [--school CODE] [--regions A,B] [--all true] [--person KEY] [--ttl 8h]`,
      ),
    );
  }
  if (key === 'ttl') ttl = value;
  else if (key === 'regions') claims.regions = value.split(',');
  else if (key === 'all') claims.all = value === 'true';
  else claims[key] = value;
}
// AUTH_JWT_SECRET as the server reads it (config/settings.ts): required here, at least 32 bytes.
const { jwtSecret } = orExit('token', () => loadTokenSettings());
// jose refuses a --ttl it cannot read ("8h", "30m", "2 days" are fine) with a TypeError.
const signed = orExit('token', () => {
  try {
    return mintToken(jwtSecret, claims, ttl);
  } catch (error) {
    throw error instanceof TypeError
      ? new UsageError(`--ttl must be a duration such as 8h or 30m, got «${ttl}»`)
      : error;
  }
});
console.log(await signed);
