import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDocs } from '../../api/docs/library.js';

/**
 * Every `/docs/<page>#<anchor>` link in the committed schema's descriptions lands on a heading of
 * that page, as the server renders it: renaming a heading in docs/ without the schema fails here.
 */
describe('schema descriptions link to docs/', () => {
  const schema = readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8');
  const links = [
    ...new Set([...schema.matchAll(/\/docs\/([a-z0-9-]+)#([\p{L}\p{N}_-]+)/gu)].map((m) => m[0])),
  ];
  const library = loadDocs();

  it('has links to the methodology and the formats', () => {
    expect(links.some((l) => l.startsWith('/docs/methodology#'))).toBe(true);
    expect(links.some((l) => l.startsWith('/docs/data-formats#'))).toBe(true);
  });

  it.each(links)('%s exists', (link) => {
    const [, page, anchor] = /^\/docs\/([^#]+)#(.+)$/.exec(link) as RegExpExecArray;
    const html = library.pages.get(page as string);
    expect(html, `no page ${page}`).toBeDefined();
    expect(html).toContain(`id="${anchor}"`);
  });
});
