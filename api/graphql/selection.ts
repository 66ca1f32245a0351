import { type FieldNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';

/**
 * The names of the fields a query selects on a connection's rows — `nodes { … }` and
 * `edges { node { … } }`, through fragments — so a resolver's SQL computes only what is asked.
 * `@skip`/`@include` are not evaluated: a field they may drop is counted as selected (computed, unused).
 */
export function connectionRowFields(info: GraphQLResolveInfo): ReadonlySet<string> {
  const names = new Set<string>();
  const addAll = (set: SelectionSetNode | undefined) => {
    for (const field of fieldsOf(set, info)) names.add(field.name.value);
  };
  for (const connection of info.fieldNodes) {
    for (const child of fieldsOf(connection.selectionSet, info)) {
      if (child.name.value === 'nodes') addAll(child.selectionSet);
      if (child.name.value !== 'edges') continue;
      for (const edge of fieldsOf(child.selectionSet, info)) {
        if (edge.name.value === 'node') addAll(edge.selectionSet);
      }
    }
  }
  return names;
}

/** The fields of a selection set, fragments spread in place. */
function fieldsOf(set: SelectionSetNode | undefined, info: GraphQLResolveInfo): FieldNode[] {
  if (!set) return [];
  return set.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection];
    if (selection.kind === Kind.INLINE_FRAGMENT) return fieldsOf(selection.selectionSet, info);
    const fragment = info.fragments[selection.name.value];
    return fragment ? fieldsOf(fragment.selectionSet, info) : [];
  });
}
