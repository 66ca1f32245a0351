import { type ApolloServerPlugin } from '@apollo/server';
import { type Context } from './context.js';

/** Reports `extensions.sqlStatements`: how many SQL statements the request cost (off in production). */
export function sqlStatsPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind === 'single') {
            const body = response.body.singleResult;
            body.extensions = { ...body.extensions, sqlStatements: contextValue.statements.count };
          }
        },
      };
    },
  };
}
