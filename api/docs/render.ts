import { Marked, type Tokens } from 'marked';
import { createSlugger } from './slug.js';

/** One markdown page turned into HTML: its first heading as the title, and the ids of its headings. */
export interface RenderedDoc {
  title: string;
  body: string;
  ids: string[];
}

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** marked hands the text of code spans over HTML-escaped; an id is made from the characters themselves. */
const decodeEntities = (text: string): string =>
  text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) =>
    name === 'amp' ? '&' : name === 'lt' ? '<' : name === 'gt' ? '>' : name === 'quot' ? '"' : "'",
  );

/**
 * A link between the pages as the server names them: `methodology.md#risk-profile` →
 * `methodology#risk-profile`, `README.md` → `./` (the index). The markdown keeps `.md` links so the
 * same files read well in the repository; other links are left as they are.
 */
export function servedHref(href: string): string {
  const match = /^(?:\.\/)?([A-Za-z0-9][A-Za-z0-9-]*)\.md(#.*)?$/.exec(href);
  if (!match) return href;
  const name = match[1] as string;
  return `${name === 'README' ? './' : name.toLowerCase()}${match[2] ?? ''}`;
}

/**
 * Markdown → HTML with marked (GitHub-flavoured: tables, as the pages use them). Headings get
 * GitHub's ids and a link to themselves, so `#anchors` from the schema descriptions land on them.
 * Raw HTML in the markdown is shown as text, not passed on: the pages are ours, but a page is
 * served under a strict Content-Security-Policy and should not depend on what a source may hold.
 */
export function renderMarkdown(source: string): RenderedDoc {
  const slug = createSlugger();
  const ids: string[] = [];
  let title = '';
  const marked = new Marked({
    gfm: true,
    walkTokens(token) {
      if (token.type === 'link') {
        const link = token as Tokens.Link;
        link.href = servedHref(link.href);
      }
    },
    renderer: {
      heading({ tokens, depth }) {
        const text = decodeEntities(this.parser.parseInline(tokens, this.parser.textRenderer));
        if (depth === 1 && !title) title = text;
        const id = slug(text);
        ids.push(id);
        const inner = this.parser.parseInline(tokens);
        const anchor = `<a class="anchor" href="#${escapeHtml(id)}" aria-label="Ссылка на раздел">#</a>`;
        return `<h${depth} id="${escapeHtml(id)}">${inner} ${anchor}</h${depth}>\n`;
      },
      html({ text }) {
        return escapeHtml(text);
      },
    },
  });
  const body = marked.parse(source, { async: false });
  return { title, body, ids };
}
