import { describe, expect, it } from 'vitest';
import { lineChart } from './svg-chart.js';

describe('lineChart', () => {
  const svg = lineChart(
    'Школа <№ 2> & «друзья»',
    [2024, 2025, 2026],
    [
      { name: 'lowIndex', values: [0.5, null, 0.3], colour: '#000' },
      { name: 'ВПР «2»', values: [0.2, 0.25, 0.3], colour: '#555', dashed: true },
    ],
  );

  it('draws each series: a line where consecutive years have values, a labelled point for each value', () => {
    // lowIndex has no 2025: two points, no line between them; ВПР «2»: one polyline of three points
    expect(svg.match(/<polyline/g)).toHaveLength(1);
    expect(svg.match(/<circle/g)).toHaveLength(5);
    expect(svg).toContain('>50,0 %<');
    expect(svg).toContain('>25,0 %<');
    expect(svg).toContain('stroke-dasharray="4 3"');
    for (const year of ['2024', '2025', '2026']) expect(svg).toContain(`>${year}<`);
  });

  it('escapes every text, and carries no script, link, style or external reference', () => {
    expect(svg).toContain('Школа &#60;№ 2&#62; &#38; «друзья»');
    expect(svg).not.toMatch(/<script|href=|src=|url\(|style=/i);
  });
});
