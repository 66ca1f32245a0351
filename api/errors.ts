import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { type Action } from './auth/permissions.js';
import { argumentAt, type LocatedError } from './graphql/argument-at.js';

/** A bad argument: BAD_USER_INPUT naming the argument (a dotted path inside inputs). */
export function badUserInput(argument: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argument } });
}

/**
 * A refused action: FORBIDDEN naming the action (api/auth/permissions.ts, the only place that throws
 * it) and, when an argument asked for it, the argument. HTTP routes answer it with 403.
 */
export class ForbiddenError extends GraphQLError {
  declare readonly extensions: { code: 'FORBIDDEN'; action: Action; argument?: string };

  constructor(action: Action, message: string, argument?: string) {
    super(message, { extensions: { code: 'FORBIDDEN', action, ...(argument ? { argument } : {}) } });
  }
}

// GraphQL's own checks of literal values (an unknown enum value, a string for an Int) come back as
// validation errors; for the caller they are bad arguments like any other, so they get the same code.
const VALUE_ERROR =
  /^(Value ".*" does not exist in ".*" enum|Enum ".*" cannot represent|Expected value of type|Int cannot represent|Float cannot represent|String cannot represent|ID cannot represent|Boolean cannot represent|Date cannot represent)/;
const VARIABLE_ERROR = /^Variable "\$(\w+)" got invalid value/;

/** The deepest cause of an error (Apollo wraps context failures, graphql wraps resolver errors). */
function rootCause(error: unknown): unknown {
  let current = unwrapResolverError(error);
  for (let i = 0; i < 5; i += 1) {
    const inner = (current as { originalError?: unknown } | null)?.originalError;
    if (!inner || inner === current) break;
    current = inner;
  }
  return current;
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/** PostgreSQL's query_canceled (SQLSTATE 57014): what `statement_timeout` raises. */
function isStatementTimeout(error: unknown): boolean {
  return codeOf(error) === '57014';
}

/**
 * The database cannot be reached or is going away: node's socket errors, PostgreSQL's connection
 * exceptions (08…), shutdown and overload (57P01–57P03, 53300), and knex's pool giving up.
 */
export function isUnavailable(error: unknown): boolean {
  const code = codeOf(error);
  if (
    [
      'ECONNREFUSED',
      'ECONNRESET',
      'ETIMEDOUT',
      'ENOTFOUND',
      'EPIPE',
      '57P01',
      '57P02',
      '57P03',
      '53300',
    ].includes(code)
  )
    return true;
  if (code.startsWith('08')) return true;
  const message = error instanceof Error ? error.message : '';
  return /Timeout acquiring a connection|Connection terminated|the database system is (shutting down|starting up)/.test(
    message,
  );
}

/** What a caller reads when the database is unreachable: never the driver's own message. */
export const UNAVAILABLE_MESSAGE = 'The database is unavailable right now; retry shortly';

/** SQLSTATE class 22 (data exception): a value the database cannot take reached it, e.g. out of int4. */
function isDataException(error: unknown): boolean {
  return /^22[0-9A-Z]{3}$/.test(codeOf(error));
}

/** graphql's "Did you mean …?" names fields and types: schema the caller may not see. */
const SUGGESTION = / Did you mean .*\?$/;

/**
 * Apollo's formatError: codes users can act on, and never a stack trace. `revealSchema` (off when
 * introspection is) keeps graphql's suggestions of field and type names.
 */
export function formatErrorWith(revealSchema: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const answer = formatError(formatted, error);
    return revealSchema || !SUGGESTION.test(answer.message)
      ? answer
      : { ...answer, message: answer.message.replace(SUGGESTION, '') };
  };
}

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
  const original = unwrapResolverError(error);
  const cause = rootCause(error);
  if (isUnavailable(cause)) {
    return {
      message: UNAVAILABLE_MESSAGE,
      path: formatted.path,
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    };
  }
  if (isDataException(cause)) {
    return {
      message: 'An argument has a value the database cannot take (out of range or malformed)',
      path: formatted.path,
      extensions: { code: 'BAD_USER_INPUT' },
    };
  }
  if (extensions.code === 'GRAPHQL_VALIDATION_FAILED' && VALUE_ERROR.test(formatted.message)) {
    // Duck-typed: a second copy of graphql (ESM/CJS) would defeat instanceof here.
    const argument =
      typeof error === 'object' && error !== null ? argumentAt(error as LocatedError) : undefined;
    return {
      ...formatted,
      extensions: { ...extensions, code: 'BAD_USER_INPUT', ...(argument ? { argument } : {}) },
    };
  }
  // The query limits (api/limits) report through validation and parsing: their own code, for clients to act on.
  if (extensions.limit) return { ...formatted, extensions: { ...extensions, code: 'QUERY_LIMIT_EXCEEDED' } };
  if (
    extensions.code === 'GRAPHQL_PARSE_FAILED' &&
    /Document contains more th\w+ \d+ tokens/.test(formatted.message)
  ) {
    return { ...formatted, extensions: { ...extensions, code: 'QUERY_LIMIT_EXCEEDED', limit: 'tokens' } };
  }
  const variable = VARIABLE_ERROR.exec(formatted.message);
  if (variable && extensions.code === 'BAD_USER_INPUT') {
    return { ...formatted, extensions: { ...extensions, argument: variable[1] } };
  }
  if (isStatementTimeout(original) || isStatementTimeout(cause)) {
    return {
      message: 'The query ran longer than the statement timeout and was cancelled; ask for a smaller slice',
      path: formatted.path,
      extensions: { code: 'QUERY_TIMEOUT' },
    };
  }
  if (!extensions.code || extensions.code === 'INTERNAL_SERVER_ERROR') {
    // Logged with its stack and request id by api/ops/operations.plugin.ts, never sent.
    if (!(original instanceof GraphQLError)) {
      return {
        message: 'Internal server error',
        path: formatted.path,
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      };
    }
  }
  return { ...formatted, extensions };
}
