import { escapeHtml } from '../../docs/render.js';

/**
 * A line chart drawn on the server as SVG (issue 13 item 4: no script, no font or image from
 * anywhere, allowed by the printed page's CSP as part of the page): years along x, shares 0…1
 * along y, one line per series with its values written at the points. Presentation attributes
 * only (no `style`), every text escaped.
 */
export interface ChartSeries {
  name: string;
  /** One value per year, null where there is none (the line breaks there). */
  values: readonly (number | null)[];
  colour: string;
  dashed?: boolean;
}

const W = 640;
const H = 200;
const M = { left: 44, right: 16, top: 14, bottom: 44 };

const percent = (v: number) => `${(v * 100).toFixed(1).replace('.', ',')} %`;

export function lineChart(title: string, years: readonly number[], series: readonly ChartSeries[]): string {
  const values = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const top = Math.min(1, Math.max(0.1, Math.ceil(Math.max(0, ...values) * 10) / 10));
  const x = (i: number) =>
    M.left + (years.length <= 1 ? 0 : (i * (W - M.left - M.right)) / (years.length - 1));
  const y = (v: number) => M.top + (1 - v / top) * (H - M.top - M.bottom);
  const grid = Array.from({ length: 6 }, (_, k) => (top * k) / 5)
    .map(
      (v) =>
        `<line x1="${M.left}" y1="${y(v).toFixed(1)}" x2="${W - M.right}" y2="${y(v).toFixed(1)}" stroke="#ccc" stroke-width="0.5"/>` +
        `<text x="${M.left - 4}" y="${(y(v) + 3).toFixed(1)}" font-size="9" text-anchor="end">${percent(v)}</text>`,
    )
    .join('');
  const axis = years
    .map(
      (year, i) =>
        `<text x="${x(i).toFixed(1)}" y="${H - M.bottom + 14}" font-size="9" text-anchor="middle">${year}</text>`,
    )
    .join('');
  const lines = series
    .map((s) => {
      const points = s.values.map((v, i) => (v === null ? null : ([x(i), y(v), v] as const)));
      // runs of consecutive points: a year without a value breaks the line
      const runs: (readonly [number, number, number])[][] = [[]];
      for (const p of points) {
        if (p) runs.at(-1)!.push(p);
        else if (runs.at(-1)!.length) runs.push([]);
      }
      const paths = runs
        .filter((r) => r.length > 1)
        .map(
          (r) =>
            `<polyline fill="none" stroke="${s.colour}" stroke-width="1.5"${s.dashed ? ' stroke-dasharray="4 3"' : ''} points="${r.map(([px, py]) => `${px.toFixed(1)},${py.toFixed(1)}`).join(' ')}"/>`,
        )
        .join('');
      const dots = points
        .filter((p): p is readonly [number, number, number] => p !== null)
        .map(
          ([px, py, v]) =>
            `<circle cx="${px.toFixed(1)}" cy="${py.toFixed(1)}" r="2.5" fill="${s.colour}"/>` +
            `<text x="${px.toFixed(1)}" y="${(py - 5).toFixed(1)}" font-size="8" text-anchor="middle" fill="${s.colour}">${percent(v)}</text>`,
        )
        .join('');
      return paths + dots;
    })
    .join('');
  const legend = series
    .map(
      (s, i) =>
        `<line x1="${M.left + i * 220}" y1="${H - 10}" x2="${M.left + i * 220 + 20}" y2="${H - 10}" stroke="${s.colour}" stroke-width="1.5"${s.dashed ? ' stroke-dasharray="4 3"' : ''}/>` +
        `<text x="${M.left + i * 220 + 26}" y="${H - 7}" font-size="9">${escapeHtml(s.name)}</text>`,
    )
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeHtml(title)}" font-family="serif">` +
    `<title>${escapeHtml(title)}</title>${grid}${axis}${lines}${legend}</svg>`
  );
}
