import {
  type ASTNode,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  /** Estimated fields resolved: each field × the page sizes (`first`) of the lists above it. */
  maxCost: number;
  /** Page size assumed for a connection queried without `first`. */
  defaultPageSize: number;
  /** A larger `first` is the resolver's BAD_USER_INPUT, so the estimate counts at most this. */
  maxPageSize: number;
}

function limitError(limit: string, message: string, node: ASTNode): GraphQLError {
  return new GraphQLError(message, { nodes: [node], extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit } });
}

interface Measure {
  depth: number;
  aliases: number;
  cost: number;
}

/** Depth, aliases and cost of a selection, fragments expanded (a fragment cycle is graphql's own error). */
function measure(
  set: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  limits: QueryLimits,
  seen: Set<string>,
): Measure {
  const total: Measure = { depth: 0, aliases: 0, cost: 0 };
  for (const selection of set.selections) {
    let inner: Measure;
    if (selection.kind === Kind.FIELD) {
      // Introspection (GraphiQL's nests `ofType` deeply) is bounded by the schema, not by the caller.
      if (selection.name.value.startsWith('__')) continue;
      inner = fieldMeasure(selection, fragments, limits, seen);
    } else {
      const fragment =
        selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
      if (!fragment || (selection.kind === Kind.FRAGMENT_SPREAD && seen.has(selection.name.value))) continue;
      const next = selection.kind === Kind.FRAGMENT_SPREAD ? new Set([...seen, selection.name.value]) : seen;
      inner = measure(fragment.selectionSet, fragments, limits, next);
    }
    total.depth = Math.max(total.depth, inner.depth);
    total.aliases += inner.aliases;
    total.cost += inner.cost;
  }
  return total;
}

function fieldMeasure(
  field: FieldNode,
  fragments: Map<string, FragmentDefinitionNode>,
  limits: QueryLimits,
  seen: Set<string>,
): Measure {
  const aliases = field.alias ? 1 : 0;
  if (!field.selectionSet) return { depth: 1, aliases, cost: 1 };
  const first = field.arguments?.find((a) => a.name.value === 'first');
  const asked = first?.value.kind === Kind.INT ? Number(first.value.value) : limits.defaultPageSize;
  const pageSize = Math.min(asked, limits.maxPageSize);
  // Connections multiply what is selected under them by their page size (variables: the default).
  const multiplier =
    first || field.selectionSet.selections.some((s) => s.kind === Kind.FIELD && s.name.value === 'nodes')
      ? Math.max(1, pageSize)
      : 1;
  const inner = measure(field.selectionSet, fragments, limits, seen);
  return { depth: inner.depth + 1, aliases: aliases + inner.aliases, cost: 1 + multiplier * inner.cost };
}

/** One validation rule for the three limits, so a crafted query is refused before anything runs. */
export function queryLimitsRule(limits: QueryLimits): ValidationRule {
  return (context: ValidationContext) => {
    const fragments = new Map(
      context
        .getDocument()
        .definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
        .map((d) => [d.name.value, d]),
    );
    return {
      OperationDefinition(operation) {
        const m = measure(operation.selectionSet, fragments, limits, new Set());
        // A limit of 0 is off (as RATE_LIMIT_PER_MINUTE=0), e.g. to measure what the limits cost.
        if (limits.maxDepth > 0 && m.depth > limits.maxDepth) {
          context.reportError(
            limitError('depth', `Query depth ${m.depth} exceeds the limit of ${limits.maxDepth}`, operation),
          );
        }
        if (limits.maxAliases > 0 && m.aliases > limits.maxAliases) {
          context.reportError(
            limitError('aliases', `${m.aliases} aliases exceed the limit of ${limits.maxAliases}`, operation),
          );
        }
        if (limits.maxCost > 0 && m.cost > limits.maxCost) {
          context.reportError(
            limitError(
              'cost',
              `Estimated cost ${m.cost} exceeds the limit of ${limits.maxCost} (list fields cost by their page size)`,
              operation,
            ),
          );
        }
      },
    };
  };
}
