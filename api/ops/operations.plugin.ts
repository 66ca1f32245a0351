import { type ApolloServerPlugin } from '@apollo/server';
import { type Context } from '../context.js';
import { formatError } from '../errors.js';
import { type Logger } from './logger.js';

/**
 * Tells the request's log line (request-log.ts) the operation's name and the codes of its errors,
 * and logs — with the request id, and the stack the client never sees — each error that answers as
 * INTERNAL_SERVER_ERROR (the classification is formatError's own).
 */
export function operationsPlugin(outsideRequests: Logger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operationName, contextValue }) {
          if (contextValue.report && operationName) contextValue.report.operation = operationName;
        },
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            const answer = formatError(error.toJSON(), error);
            if (answer.extensions?.code !== 'INTERNAL_SERVER_ERROR') continue;
            (contextValue.report?.log() ?? outsideRequests).error(
              { err: error.originalError ?? error, path: error.path },
              'unexpected error',
            );
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          contextValue.report?.noteErrors(response.body.singleResult.errors ?? []);
        },
      };
    },
  };
}
