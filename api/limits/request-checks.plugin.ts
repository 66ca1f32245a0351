import { type ApolloServerPlugin } from '@apollo/server';
import { badArgument } from './input-guard.js';
import { operationCost, type CostSettings } from './query-cost.js';
import { getVariableValues } from 'graphql';
import { fragmentsOf, limitError } from './query-shape.js';

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
          const sent = request.variables ?? {};
          // The variables as execution will see them (defaults applied, coerced), once for both checks;
          // values that do not coerce are graphql's own error, reported when it executes.
          const { coerced } = getVariableValues(schema, operation.variableDefinitions ?? [], sent);
          const fragments = fragmentsOf(document);
          const bad = coerced ? badArgument(schema, fragments, operation, coerced) : undefined;
          if (bad) {
            bad.extensions.http = { status: 400 };
            throw bad;
          }
          if (maxCost <= 0) return;
          const cost = operationCost(schema, fragments, operation, coerced ?? sent, settings);
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
