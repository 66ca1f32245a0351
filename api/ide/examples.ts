import { readFileSync } from 'node:fs';
import {
  Kind,
  parse,
  print,
  visit,
  type ASTNode,
  type DefinitionNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';

/** The shape of GraphiQL's `defaultTabs` entries (`TabDefinition` in @graphiql/react). */
export interface ExampleTab {
  query: string;
}

export interface Examples {
  /** One tab per operation in file order; empty when the file holds no operation. */
  tabs: ExampleTab[];
  /** Operation names in file order (anonymous operations are left out). */
  operationNames: string[];
  /** The file as written, used as `defaultQuery` when there are no tabs. */
  source: string;
}

const isOperation = (d: DefinitionNode): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION;
const isFragment = (d: DefinitionNode): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION;

/** Names of the fragments `root` needs, transitively, in first-use order. */
function fragmentsUsedBy(root: ASTNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): string[] {
  const seen = new Set<string>();
  const walk = (node: ASTNode): void => {
    visit(node, {
      FragmentSpread(spread) {
        const name = spread.name.value;
        const fragment = fragments.get(name);
        if (seen.has(name) || !fragment) return;
        seen.add(name);
        walk(fragment);
      },
    });
  };
  walk(root);
  return [...seen];
}

/**
 * Splits a file of example operations into one GraphiQL tab per operation. Each tab carries the
 * fragments its operation spreads, so every tab runs on its own. Throws (with the file name) on a
 * syntax error so that a broken examples file fails at startup rather than in the browser.
 */
export function loadExamples(file: string): Examples {
  const source = readFileSync(file, 'utf8');
  let document;
  try {
    document = parse(source);
  } catch (error) {
    throw new Error(`GraphiQL examples file ${file} is not valid GraphQL: ${String(error)}`, {
      cause: error,
    });
  }
  const fragments = new Map(document.definitions.filter(isFragment).map((f) => [f.name.value, f]));
  const operations = document.definitions.filter(isOperation);
  const tabs = operations.map((operation) => {
    const needed = fragmentsUsedBy(operation, fragments).flatMap((name) => fragments.get(name) ?? []);
    return { query: [operation, ...needed].map((node) => print(node)).join('\n\n') + '\n' };
  });
  const operationNames = operations.flatMap((operation) => (operation.name ? [operation.name.value] : []));
  return { tabs, operationNames, source };
}
