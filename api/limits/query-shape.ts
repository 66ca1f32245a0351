import {
  type ASTNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type SelectionSetNode,
} from 'graphql';

/** The one error of every query limit: clients act on `extensions.limit`. */
export function limitError(limit: string, message: string, node?: ASTNode): GraphQLError {
  return new GraphQLError(message, {
    ...(node ? { nodes: [node] } : {}),
    extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit },
  });
}

export function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  return new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
}

export interface Shape {
  depth: number;
  aliases: number;
}

/**
 * Depth and aliases of an operation, each fragment measured once (memoised by name): a chain of
 * fragments that each spread the previous one twice costs its length, not 2ⁿ. A spread inside its
 * own cycle counts nothing (graphql reports the cycle itself).
 */
export function shapeOf(set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>): Shape {
  const memo = new Map<string, Shape | 'measuring'>();
  const ofSet = (selections: SelectionSetNode, introspection: boolean): Shape => {
    const total: Shape = { depth: 0, aliases: 0 };
    for (const selection of selections.selections) {
      let inner: Shape;
      if (selection.kind === Kind.FIELD) {
        // Introspection (GraphiQL's nests `ofType` deeply) is bounded by the schema: its depth is
        // not the caller's; its aliases (`__typename` too) are.
        const inIntrospection = introspection || selection.name.value.startsWith('__');
        const below = selection.selectionSet
          ? ofSet(selection.selectionSet, inIntrospection)
          : { depth: 0, aliases: 0 };
        inner = {
          depth: inIntrospection ? 0 : below.depth + 1,
          aliases: below.aliases + (selection.alias ? 1 : 0),
        };
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        inner = ofSet(selection.selectionSet, introspection);
      } else {
        inner = ofFragment(selection.name.value);
      }
      total.depth = Math.max(total.depth, inner.depth);
      total.aliases += inner.aliases;
    }
    return total;
  };
  const ofFragment = (name: string): Shape => {
    const known = memo.get(name);
    if (known === 'measuring') return { depth: 0, aliases: 0 };
    if (known) return known;
    const fragment = fragments.get(name);
    if (!fragment) return { depth: 0, aliases: 0 };
    memo.set(name, 'measuring');
    const shape = ofSet(fragment.selectionSet, false);
    memo.set(name, shape);
    return shape;
  };
  return ofSet(set, false);
}
