/* global GraphiQL, React, ReactDOM, document, window */
// Starts GraphiQL from the UMD globals loaded before this script. It is a file rather than an
// inline script so that the page's Content-Security-Policy can stay at script-src 'self'; the
// per-page settings come from the JSON block that graphiql.ts renders. An ES module (so it runs
// after the classic UMD scripts, once the page is parsed) that imports the table plugin.
import { tablePlugin } from './table-plugin.js';

const config = JSON.parse(document.getElementById('graphiql-config').textContent);
const baseFetcher = GraphiQL.createFetcher({
  url: config.endpoint,
  // createFetcher has no credentials option, so wrap fetch to send the session cookie. Headers
  // typed into GraphiQL's headers editor (e.g. Authorization) are merged in by createFetcher.
  fetch: (input, init) => window.fetch(input, { ...init, credentials: 'same-origin' }),
});
/**
 * GraphiQL restores its tabs from localStorage after a reload and can then send the operation name
 * of the tab run before with another tab's text: the server answers «Unknown operation named …».
 * A name the document does not define is dropped; a one-operation document needs none.
 */
function definesOperation(query, name) {
  const escaped = name.replace(/[^A-Za-z0-9_]/g, '');
  return new RegExp(`\\b(query|mutation|subscription)\\s+${escaped}\\b`).test(query ?? '');
}
const fetcher = (params, options) =>
  baseFetcher(
    params.operationName && !definesOperation(params.query, params.operationName)
      ? { ...params, operationName: undefined }
      : params,
    options,
  );
// Headers (the Authorization token) are kept in this browser's localStorage across reloads.
const props = {
  fetcher,
  shouldPersistHeaders: true,
  plugins: [tablePlugin({ excelScript: config.excelScript })],
};
if (config.tabs.length > 0) props.defaultTabs = config.tabs;
else props.defaultQuery = config.defaultQuery;
ReactDOM.createRoot(document.getElementById('graphiql')).render(React.createElement(GraphiQL, props));
