import { type ValidationContext, type ValidationRule } from 'graphql';
import { fragmentsOf, limitError, shapeOf } from './query-shape.js';

export interface ShapeLimits {
  maxDepth: number;
  maxAliases: number;
}

/**
 * Depth and aliases: properties of the document alone, checked in validation (whose result Apollo
 * caches per document). The cost depends on the variables and is checked per request
 * (request-checks.plugin.ts). A limit of 0 is off.
 */
export function queryLimitsRule(limits: ShapeLimits): ValidationRule {
  return (context: ValidationContext) => {
    const fragments = fragmentsOf(context.getDocument());
    return {
      OperationDefinition(operation) {
        const { depth, aliases } = shapeOf(operation.selectionSet, fragments);
        if (limits.maxDepth > 0 && depth > limits.maxDepth) {
          context.reportError(
            limitError('depth', `Query depth ${depth} exceeds the limit of ${limits.maxDepth}`, operation),
          );
        }
        if (limits.maxAliases > 0 && aliases > limits.maxAliases) {
          context.reportError(
            limitError('aliases', `${aliases} aliases exceed the limit of ${limits.maxAliases}`, operation),
          );
        }
      },
    };
  };
}
