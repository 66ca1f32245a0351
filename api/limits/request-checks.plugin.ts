import { type ApolloServerPlugin } from '@apollo/server';
import { badArgument } from './input-guard.js';
import { operationCost, type CostSettings } from './query-cost.js';
import { limitError } from './query-shape.js';

/** Where a request's estimated cost is kept for the pool's light/heavy share (db/request-budget.ts). */
export interface CostedContext {
  budget?: { cost: number | undefined };
}

/**
 * Per request, once the operation is resolved and before anything executes: arguments no resolver
 * could take (input-guard.ts), and the cost limit with the variables' values, so `first: $n` costs
 * what `$n` asks. A cost limit of 0 is off.
 */
export function requestChecksPlugin<C extends CostedContext>(
  maxCost: number,
  settings: CostSettings,
): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          if (!operation) return;
          const bad = badArgument(schema, document, operation, request.variables ?? {});
          if (bad) {
            bad.extensions.http = { status: 400 };
            throw bad;
          }
          if (maxCost <= 0) return;
          const cost = operationCost(schema, document, operation, request.variables ?? {}, settings);
          if (contextValue.budget) contextValue.budget.cost = cost;
          if (cost > maxCost) {
            const error = limitError(
              'cost',
              `Estimated cost ${cost} exceeds the limit of ${maxCost} (lists cost by their page size or bound)`,
            );
            error.extensions.http = { status: 400 };
            throw error;
          }
        },
      };
    },
  };
}
