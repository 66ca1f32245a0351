import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../../api/auth/tokens.js';
import { startTestServer } from '../support/server.js';
import { launchChromium, resultText } from './ide-driver.js';

const skip = process.env.SKIP_BROWSER_TESTS === '1';
const SECRET = 'graphiql-headers-secret-of-at-least-32-bytes';

/** Issue 10: a token typed into GraphiQL's headers is still there after a reload. */
describe.skipIf(skip)('GraphiQL keeps its headers across a reload', () => {
  let browser: Browser | undefined;
  let server: Awaited<ReturnType<typeof startTestServer>> | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
    server = await startTestServer({ AUTH_DEV_MODE: '0', AUTH_JWT_SECRET: SECRET });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('types a bearer token, reloads, runs the first example with it', async () => {
    if (!browser || !server) throw new Error('setup did not finish');
    const token = await mintToken(SECRET, { role: 'MINISTRY', sub: 'ide-user' });
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    try {
      const page = await context.newPage();
      const sent: (string | undefined)[] = [];
      page.on('request', (request) => {
        if (request.method() === 'POST') sent.push(request.headers().authorization);
      });
      await page.goto(`${server.url}/graphql`, { waitUntil: 'load' });
      await page.getByRole('button', { name: 'Headers' }).click();
      // The headers editor is the CodeMirror of the open tool pane; set its text as typing would.
      await page.waitForFunction(() =>
        Array.from(document.querySelectorAll('.graphiql-editor-tool .CodeMirror')).some(
          (e) => !e.closest('.hidden'),
        ),
      );
      await page.evaluate(
        (value) => {
          type WithEditor = Element & { CodeMirror?: { setValue(v: string): void } };
          const editors = Array.from(
            document.querySelectorAll<WithEditor>('.graphiql-editor-tool .CodeMirror'),
          );
          editors.find((e) => !e.closest('.hidden'))?.CodeMirror?.setValue(value);
        },
        JSON.stringify({ Authorization: `Bearer ${token}` }),
      );
      await page.waitForTimeout(500); // GraphiQL stores the editor's text after a debounce
      await page.reload({ waitUntil: 'load' });
      await page.locator('.graphiql-execute-button').click();
      const body = JSON.parse(await resultText(page)) as { data?: unknown; errors?: unknown };
      expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
      expect(body.data).toBeTruthy();
      expect(sent.at(-1)).toBe(`Bearer ${token}`);
    } finally {
      await context.close();
    }
  });
});
