/** The operations the API benchmarks load, shared so that bench:api and bench:cpu measure the same. */
export const SCHOOLS_QUERY = `{ schools(first: 100) { nodes { code name municipality { name region { name } }
  vprResults(latest: true) { year grade subject participants n2 n3 n4 n5 share2 quality } } } }`;

/** The same list without results: comparable with the list-only figures of ARCHITECTURE.md. */
export const SCHOOLS_ONLY_QUERY = `{ schools(first: 100) { nodes { code name municipality { name region { name } } } } }`;
