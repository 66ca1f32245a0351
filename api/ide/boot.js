/* global GraphiQL, React, ReactDOM, document, window */
// Starts GraphiQL from the UMD globals loaded before this script. It is a file rather than an
// inline script so that the page's Content-Security-Policy can stay at script-src 'self'; the
// per-page settings come from the JSON block that graphiql.ts renders.
(function boot() {
  const config = JSON.parse(document.getElementById('graphiql-config').textContent);
  const fetcher = GraphiQL.createFetcher({
    url: config.endpoint,
    // createFetcher has no credentials option, so wrap fetch to send the session cookie. Headers
    // typed into GraphiQL's headers editor (e.g. Authorization) are merged in by createFetcher.
    fetch: (input, init) => window.fetch(input, { ...init, credentials: 'same-origin' }),
  });
  // Headers (the Authorization token) are kept in this browser's localStorage across reloads.
  const props = { fetcher, shouldPersistHeaders: true };
  if (config.tabs.length > 0) props.defaultTabs = config.tabs;
  else props.defaultQuery = config.defaultQuery;
  ReactDOM.createRoot(document.getElementById('graphiql')).render(React.createElement(GraphiQL, props));
})();
