import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../support/server.js';

/**
 * Issue 14 item 6: `npm run build` makes a server that runs on plain `node`, without the TypeScript
 * loader: the same two steps into a directory of the test's own, then that server over HTTP.
 */
const OUT = '.build-test';
afterAll(() => rmSync(OUT, { recursive: true, force: true }));

describe('npm run build', () => {
  it('compiles a server that node runs: GraphQL, the docs, the metrics, and a clean stop', async () => {
    execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json', '--outDir', OUT], { stdio: 'pipe' });
    execFileSync(process.execPath, ['scripts/copy-assets.mjs', OUT], { stdio: 'pipe' });
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [`${OUT}/api/main.js`, '--dev-auth'], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', DATABASE_URL: testDatabaseUrl() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const url = await new Promise<string>((resolve, reject) => {
      const read = (d: Buffer) => {
        output += d.toString();
        const found = /GraphQL and the IDE at (http:\/\/\S+)\/graphql/.exec(output);
        if (found?.[1]) resolve(found[1]);
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
      void exited.then(() => reject(new Error(`the built server exited:\n${output}`)));
    });
    try {
      const db = new pg.Pool({ connectionString: testDatabaseUrl(), max: 1 });
      const expected = Number((await db.query<{ n: string }>('select count(*) as n from region')).rows[0]?.n);
      await db.end();
      const answer = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ regions { totalCount } }' }),
      });
      expect(
        ((await answer.json()) as { data: { regions: { totalCount: number } } }).data.regions.totalCount,
      ).toBe(expected);
      expect((await fetch(`${url}/docs/`)).status).toBe(200);
      expect((await fetch(`${url}/graphql`, { headers: { accept: 'text/html' } })).status).toBe(200);
      expect(await (await fetch(`${url}/metrics`)).text()).toContain('shnor_http_requests_total');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  }, 120_000);
});
