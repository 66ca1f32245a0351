/* global GraphiQL, React */
// A GraphiQL plugin (a sidebar button and a panel) that shows the result of the open tab as a
// table and downloads it as CSV or XLSX, the way Cube's playground and ФИС ОКО show results.
// React.createElement instead of JSX: these files are served as they are, with no build step.
import { SHOWN_ROWS, defaultPath, findLists, rowsAt, shownCell, toTable } from './table-model.js';
import { downloadCsv, downloadXlsx } from './table-download.js';

const h = React.createElement;
const { useEditorContext, useExecutionContext } = GraphiQL.React;

/**
 * The response editor's text, kept current. The editor (CodeMirror) is where GraphiQL puts every
 * result, including a tab's stored one when tabs are switched, so reading it needs no hook into
 * the fetcher and follows what the analyst sees.
 */
function useResponseText(editor) {
  const [text, setText] = React.useState('');
  React.useEffect(() => {
    if (!editor) return undefined;
    const update = () => setText(editor.getValue());
    update();
    editor.on('change', update);
    return () => editor.off('change', update);
  }, [editor]);
  return text;
}

function parse(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined; // empty while running, or an error message GraphiQL wrote as text
  }
}

function TableIcon(props) {
  const line = (d) => h('path', { d, stroke: 'currentColor', strokeWidth: 1.5, fill: 'none' });
  return h(
    'svg',
    { ...props, viewBox: '0 0 24 24', height: '1em', width: '1em' },
    h('rect', {
      x: 3,
      y: 4,
      width: 18,
      height: 16,
      rx: 1.5,
      stroke: 'currentColor',
      strokeWidth: 1.5,
      fill: 'none',
    }),
    line('M3 9.5h18M3 14.75h18M9 4v16M15 4v16'),
  );
}

function ListPicker({ lists, path, onPick }) {
  if (lists.length < 2) return null;
  return h(
    'label',
    { className: 'shnor-table-picker' },
    'Список: ',
    h(
      'select',
      { value: path, onChange: (event) => onPick(event.target.value) },
      lists.map((list) =>
        h(
          'option',
          { key: list.path, value: list.path },
          `${list.path.replace(/^data\./, '')} (${list.length})`,
        ),
      ),
    ),
  );
}

function Grid({ table }) {
  const shown = table.rows.slice(0, SHOWN_ROWS);
  return h(
    'div',
    { className: 'shnor-table-scroll' },
    h(
      'table',
      null,
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          table.columns.map((name) => h('th', { key: name, scope: 'col' }, name)),
        ),
      ),
      h(
        'tbody',
        null,
        shown.map((row, i) =>
          h(
            'tr',
            { key: i },
            row.map((cell, j) =>
              h('td', { key: j, className: typeof cell === 'number' ? 'num' : undefined }, shownCell(cell)),
            ),
          ),
        ),
      ),
    ),
  );
}

function Downloads({ table, operationName, excelScript }) {
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState(null);
  const xlsx = () => {
    setBusy(true);
    setError(null);
    downloadXlsx(excelScript, operationName, table)
      .catch((e) => setError(`XLSX: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => setBusy(false));
  };
  return h(
    'div',
    { className: 'shnor-table-downloads' },
    h(
      'button',
      { type: 'button', className: 'graphiql-button', onClick: () => downloadCsv(operationName, table) },
      'CSV',
    ),
    h(
      'button',
      { type: 'button', className: 'graphiql-button', onClick: xlsx, disabled: busy },
      busy ? 'XLSX…' : 'XLSX',
    ),
    error && h('span', { className: 'shnor-table-error', role: 'alert' }, error),
  );
}

function count(table) {
  const total = table.rows.length;
  if (total <= SHOWN_ROWS) return `Строк: ${total}, столбцов: ${table.columns.length}`;
  return `Строк: ${total}, показаны первые ${SHOWN_ROWS}; в файлы попадут все`;
}

function TablePanel({ excelScript }) {
  const { responseEditor, queryEditor, tabs, activeTabIndex } = useEditorContext({ nonNull: true });
  const { isFetching } = useExecutionContext({ nonNull: true });
  const text = useResponseText(responseEditor);
  const [picked, setPicked] = React.useState(null);
  const response = React.useMemo(() => parse(text), [text]);
  const lists = React.useMemo(() => findLists(response), [response]);
  // The analyst's choice survives a re-run as long as the new answer still has that list.
  const path = lists.some((list) => list.path === picked) ? picked : defaultPath(response, lists);
  const table = React.useMemo(() => (path ? toTable(rowsAt(response, path)) : null), [response, path]);
  const operationName = queryEditor?.operationName ?? tabs[activeTabIndex]?.title ?? null;

  let body;
  if (isFetching) body = h('p', null, 'Выполняется…');
  else if (response === undefined)
    body = h('p', null, 'Выполните запрос: его результат появится здесь таблицей.');
  else if (!table) body = h('p', null, 'В ответе нет данных для таблицы.');
  else {
    body = [
      h(ListPicker, { key: 'picker', lists, path, onPick: setPicked }),
      h('p', { key: 'count', className: 'shnor-table-count' }, count(table)),
      h(Downloads, { key: 'downloads', table, operationName, excelScript }),
      h(Grid, { key: 'grid', table }),
    ];
  }
  return h(
    'section',
    { className: 'shnor-table', 'aria-label': 'Таблица результата' },
    h('div', { className: 'graphiql-history-header' }, 'Таблица'),
    body,
  );
}

/** The plugin for GraphiQL's `plugins` prop; `excelScript` is the URL of exceljs' browser build. */
export function tablePlugin({ excelScript }) {
  return { title: 'Таблица', icon: TableIcon, content: () => h(TablePanel, { excelScript }) };
}
