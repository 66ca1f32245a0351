import {
  type FieldNode,
  type FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  type GraphQLCompositeType,
  type GraphQLField,
  GraphQLList,
  type GraphQLSchema,
  isCompositeType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { DEFAULT_LIST_BOUND, LIST_BOUNDS } from './list-bounds.js';

export interface CostSettings {
  /** Page size of a connection queried without `first`. */
  defaultPageSize: number;
  /** A larger `first` is the resolver's BAD_USER_INPUT: the estimate counts at most this. */
  maxPageSize: number;
}

type Variables = Readonly<Record<string, unknown>>;

/** An argument's value as the request gives it: a literal, or the variable's value or default. */
function argumentValue(field: FieldNode, name: string, variables: Variables): unknown {
  const node = field.arguments?.find((a) => a.name.value === name)?.value;
  if (!node) return undefined;
  return literal(node, variables);
}

function literal(node: ValueNode, variables: Variables): unknown {
  switch (node.kind) {
    case Kind.VARIABLE:
      return variables[node.name.value];
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return node.values.map((v) => literal(v, variables));
    default:
      return 'value' in node ? node.value : undefined;
  }
}

/** Items a list field returns at most, as the request asks for them. */
function itemsOf(
  parent: GraphQLCompositeType,
  field: FieldNode,
  definition: GraphQLField<unknown, unknown>,
  variables: Variables,
  settings: CostSettings,
): number {
  if (definition.args.some((a) => a.name === 'first')) {
    const first = argumentValue(field, 'first', variables);
    const asked = typeof first === 'number' && Number.isFinite(first) ? first : settings.defaultPageSize;
    return Math.max(1, Math.min(asked, settings.maxPageSize));
  }
  if (!(getNullableType(definition.type) instanceof GraphQLList)) return 1;
  // A connection's own lists are already counted by its `first`.
  if (isObjectType(parent) && parent.getFields().pageInfo) return 1;
  const bound = LIST_BOUNDS[`${parent.name}.${definition.name}`];
  if (!bound) return DEFAULT_LIST_BOUND;
  const oneYear =
    typeof argumentValue(field, 'year', variables) === 'number' ||
    argumentValue(field, 'latest', variables) === true;
  return bound.perYear !== undefined && oneYear ? bound.perYear : bound.total;
}

/**
 * Estimated fields resolved by an operation with its variables: every field costs 1, and what is
 * selected under a list costs as many times as the list's bound (its `first`, else LIST_BOUNDS).
 * Each fragment is costed once (memoised), so the work is linear in the document.
 */
export function operationCost(
  schema: GraphQLSchema,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  operation: OperationDefinitionNode,
  /** As execution will see them (defaults applied, coerced), see request-checks.plugin.ts. */
  values: Variables,
  settings: CostSettings,
): number {
  const memo = new Map<string, number>();
  const ofSet = (set: SelectionSetNode, parent: GraphQLCompositeType): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        total += ofField(selection, parent);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        total += type && isCompositeType(type) ? ofSet(selection.selectionSet, type) : 0;
      } else {
        total += ofFragment(fragments.get(selection.name.value));
      }
    }
    return total;
  };
  const ofFragment = (fragment: FragmentDefinitionNode | undefined): number => {
    if (!fragment) return 0;
    const name = fragment.name.value;
    const known = memo.get(name);
    if (known !== undefined) return known;
    memo.set(name, 0); // a cycle (graphql's own error) adds nothing
    const type = schema.getType(fragment.typeCondition.name.value);
    const cost = type && isCompositeType(type) ? ofSet(fragment.selectionSet, type) : 0;
    memo.set(name, cost);
    return cost;
  };
  const ofField = (field: FieldNode, parent: GraphQLCompositeType): number => {
    if (field.name.value.startsWith('__')) return 1; // introspection: bounded by the schema
    const definition = fieldOf(parent, field);
    if (!definition || !field.selectionSet) return 1;
    const type = getNamedType(definition.type);
    if (!isCompositeType(type)) return 1;
    return 1 + itemsOf(parent, field, definition, values, settings) * ofSet(field.selectionSet, type);
  };
  const root = schema.getRootType(operation.operation);
  return root ? ofSet(operation.selectionSet, root) : 0;
}

function fieldOf(parent: GraphQLCompositeType, field: FieldNode): GraphQLField<unknown, unknown> | undefined {
  return 'getFields' in parent ? parent.getFields()[field.name.value] : undefined;
}
