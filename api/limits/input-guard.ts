import {
  type FragmentDefinitionNode,
  getArgumentValues,
  getNamedType,
  getNullableType,
  GraphQLError,
  type GraphQLCompositeType,
  type GraphQLInputType,
  GraphQLList,
  type GraphQLSchema,
  isCompositeType,
  isInputObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { badUserInput } from '../errors.js';
import { isRowId } from '../row-id.js';

/** Bounds of any argument value: past them a value is a mistake or an attack, never a question. */
export const INPUT_BOUNDS = {
  /** Items of one list argument (a region's schools fit many times over). */
  listItems: 10_000,
  /** Characters of one text argument (a decision's justification fits). */
  textChars: 10_000,
};

/**
 * Input fields that carry a whole document, with their own bound: a roadmap table pasted from an
 * order runs to tens of pages (the request body, 1 MB, bounds it anyway).
 */
export const DOCUMENT_TEXT_FIELDS: ReadonlyMap<string, number> = new Map([
  ['RoadmapImportInput.text', 300_000],
]);

function check(
  value: unknown,
  type: GraphQLInputType,
  path: string,
  textChars = INPUT_BOUNDS.textChars,
): GraphQLError | undefined {
  if (value === null || value === undefined) return undefined;
  const nullable = getNullableType(type);
  if (nullable instanceof GraphQLList) {
    if (!Array.isArray(value)) return check(value, nullable.ofType, path);
    if (value.length > INPUT_BOUNDS.listItems) {
      return badUserInput(
        path,
        `${path}: ${value.length} items, more than the ${INPUT_BOUNDS.listItems} accepted`,
      );
    }
    for (let i = 0; i < value.length; i += 1) {
      const problem = check(value[i], nullable.ofType, `${path}[${i}]`);
      if (problem) return problem;
    }
    return undefined;
  }
  if (isInputObjectType(nullable)) {
    const fields = nullable.getFields();
    for (const [name, inner] of Object.entries(value as Record<string, unknown>)) {
      const field = fields[name];
      const bound = DOCUMENT_TEXT_FIELDS.get(`${nullable.name}.${name}`);
      const problem = field ? check(inner, field.type, `${path}.${name}`, bound) : undefined;
      if (problem) return problem;
    }
    return undefined;
  }
  if (typeof value !== 'string') return undefined;
  if (value.includes('\u0000')) return badUserInput(path, `${path}: text must not contain NUL characters`);
  if (value.length > textChars) {
    return badUserInput(path, `${path}: ${value.length} characters, more than the ${textChars} accepted`);
  }
  // Every ID of this API is a row number (int4): anything else names no row and would reach SQL.
  if (getNamedType(nullable).name === 'ID' && !isRowId(value)) {
    return badUserInput(path, `${path}: «${value.slice(0, 40)}» is not an id (a positive integer)`);
  }
  return undefined;
}

/**
 * The first argument of an operation, with the variables' values, that no resolver could take:
 * refused as BAD_USER_INPUT naming it, before anything runs (instead of a database error later).
 */
export function badArgument(
  schema: GraphQLSchema,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  operation: OperationDefinitionNode,
  /** The coerced variable values (request-checks.plugin.ts). */
  values: Readonly<Record<string, unknown>>,
): GraphQLError | undefined {
  const seen = new Set<string>();
  const ofSet = (set: SelectionSetNode, parent: GraphQLCompositeType): GraphQLError | undefined => {
    for (const selection of set.selections) {
      let problem: GraphQLError | undefined;
      if (selection.kind === Kind.FIELD) {
        const definition = 'getFields' in parent ? parent.getFields()[selection.name.value] : undefined;
        if (!definition) continue;
        const args = getArgumentValues(definition, selection, values);
        for (const arg of definition.args) {
          problem ??= check(args[arg.name], arg.type, arg.name);
        }
        const type = getNamedType(definition.type);
        if (!problem && selection.selectionSet && isCompositeType(type))
          problem = ofSet(selection.selectionSet, type);
      } else {
        const fragment =
          selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
        if (!fragment || (selection.kind === Kind.FRAGMENT_SPREAD && seen.has(selection.name.value)))
          continue;
        if (selection.kind === Kind.FRAGMENT_SPREAD) seen.add(selection.name.value);
        const condition = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : parent;
        if (condition && isCompositeType(condition)) problem = ofSet(fragment.selectionSet, condition);
      }
      if (problem) return problem;
    }
    return undefined;
  };
  const root = schema.getRootType(operation.operation);
  return root ? ofSet(operation.selectionSet, root) : undefined;
}
