import { type ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { UNAVAILABLE_MESSAGE } from './errors.js';

/** Seconds a client should wait before retrying when the database is unavailable. */
export const RETRY_AFTER_SECONDS = '5';

/** For failures before a request's plugins run (its context): the same answer, 503 and Retry-After. */
export function unavailableError(): GraphQLError {
  return new GraphQLError(UNAVAILABLE_MESSAGE, {
    extensions: {
      code: 'SERVICE_UNAVAILABLE',
      http: { status: 503, headers: new HeaderMap([['retry-after', RETRY_AFTER_SECONDS]]) },
    },
  });
}

/**
 * An answer that failed because the database is unavailable is HTTP 503 with `Retry-After` (when it
 * carries no data), so load balancers and BI schedulers back off instead of reading it as a bug.
 */
export function availabilityPlugin<C extends object>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          const body = response.body;
          if (body.kind !== 'single') return;
          const unavailable = body.singleResult.errors?.some(
            (e) => e.extensions?.code === 'SERVICE_UNAVAILABLE',
          );
          if (!unavailable) return;
          response.http.headers.set('retry-after', RETRY_AFTER_SECONDS);
          if (!body.singleResult.data) response.http.status = 503;
        },
      };
    },
  };
}
