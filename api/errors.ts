import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { argumentAt, type LocatedError } from './graphql/argument-at.js';

/** A bad argument: BAD_USER_INPUT naming the argument (a dotted path inside inputs). */
export function badUserInput(argument: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argument } });
}

// GraphQL's own checks of literal values (an unknown enum value, a string for an Int) come back as
// validation errors; for the caller they are bad arguments like any other, so they get the same code.
const VALUE_ERROR =
  /^(Value ".*" does not exist in ".*" enum|Enum ".*" cannot represent|Expected value of type|Int cannot represent|Float cannot represent|String cannot represent|ID cannot represent|Boolean cannot represent)/;
const VARIABLE_ERROR = /^Variable "\$(\w+)" got invalid value/;

/** PostgreSQL's query_canceled (SQLSTATE 57014): what `statement_timeout` raises. */
function isStatementTimeout(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '57014';
}

/** Apollo's formatError: codes users can act on, and never a stack trace. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
  const original = unwrapResolverError(error);
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
  if (isStatementTimeout(original)) {
    return {
      message: 'The query ran longer than the statement timeout and was cancelled; ask for a smaller slice',
      path: formatted.path,
      extensions: { code: 'QUERY_TIMEOUT' },
    };
  }
  if (!extensions.code || extensions.code === 'INTERNAL_SERVER_ERROR') {
    if (!(original instanceof GraphQLError)) {
      console.error(original);
      return {
        message: 'Internal server error',
        path: formatted.path,
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      };
    }
  }
  return { ...formatted, extensions };
}
