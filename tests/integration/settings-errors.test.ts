import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../support/server.js';

/**
 * Issue 11, "one configuration for server and CLIs": the real entry points, as an operator runs
 * them, with several wrong settings at once — every one named on stderr, no stack trace, a non-zero
 * exit code — and the server on a port in use. Settings are checked before any database is opened,
 * so these are quick.
 */

interface Run {
  code: number | null;
  stderr: string;
}

/** `node --import @swc-node/register/esm-register <entry> …args` with only `env` (and PATH, HOME). */
function run(entry: string, args: string[], env: Record<string, string>): Promise<Run> {
  const child = spawn(process.execPath, ['--import', '@swc-node/register/esm-register', entry, ...args], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
}

const STACK_FRAME = /^\s+at /m;

let dir: string;
let csv: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shnor-settings-'));
  csv = join(dir, 'vpr.csv');
  await writeFile(csv, 'Год;Логин;Класс;Предмет;Кол-во участников;2;3;4;5\n');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const BAD_DATABASE_URL = 'mysql://root:hunter2@127.0.0.1/shnor';

const CASES: [name: string, entry: string, args: string[], env: Record<string, string>][] = [
  [
    'the server (npm start)',
    'api/main.ts',
    ['--dev-auth'],
    {
      DATABASE_URL: BAD_DATABASE_URL,
      PORT: 'abc',
      MAX_QUERY_DEPTH: '-1',
      SEED_SCALE: 'huge',
      PUBLIC_ACCESS: 'sometimes',
      PERSISTED_ONLY_ROLES: 'NOBODY',
    },
  ],
  [
    'npm run import',
    'api/import/cli.ts',
    ['vpr', '<csv>'],
    {
      DATABASE_URL: BAD_DATABASE_URL,
      IMPORT_MAX_ROWS: 'lots',
      IMPORT_MAX_COLUMNS: '-3',
      IMPORT_STATEMENT_TIMEOUT_MS: '1e99',
      LOG_MIGRATIONS: 'verbose',
    },
  ],
  [
    'npm run export',
    'api/export/cli.ts',
    ['candidates.csv', '--year', '2026'],
    { DATABASE_URL: BAD_DATABASE_URL, MAX_PAGE_SIZE: 'many', ANALYTICS_CACHE_SIZE: '-1' },
  ],
  [
    'npm run seed',
    'seeds/cli.ts',
    ['--scale', 'test'],
    { DATABASE_URL: BAD_DATABASE_URL, LOG_MIGRATIONS: 'loud' },
  ],
  [
    'npm run api-key',
    'api/auth/api-key-cli.ts',
    ['revoke', '--name', 'nobody'],
    { DATABASE_URL: BAD_DATABASE_URL, LOG_MIGRATIONS: 'loud' },
  ],
  ['npm run token', 'api/auth/token-cli.ts', ['--role', 'MINISTRY'], { AUTH_JWT_SECRET: 'short' }],
];

describe('every wrong setting at once, no stack trace, a non-zero exit', () => {
  it('the server and every CLI alike', async () => {
    const runs = await Promise.all(
      CASES.map(([, entry, args, env]) =>
        run(
          entry,
          args.map((a) => (a === '<csv>' ? csv : a)),
          env,
        ),
      ),
    );
    for (const [i, { code, stderr }] of runs.entries()) {
      const [name, , , env] = CASES[i] as (typeof CASES)[number];
      const count = Object.keys(env).length;
      expect({ name, code, stack: STACK_FRAME.test(stderr) }, stderr).toEqual({
        name,
        code: 1,
        stack: false,
      });
      expect(stderr, name).toContain(count === 1 ? '1 setting is wrong' : `${count} settings are wrong`);
      for (const variable of Object.keys(env))
        expect(stderr, `${name}: ${variable}`).toContain(`- ${variable} `);
      expect(stderr, name).not.toContain('hunter2');
    }
  });

  it('a CLI called wrongly: a sentence, exit 2, no stack', async () => {
    const [kind, file, scale] = await Promise.all([
      run('api/import/cli.ts', ['nope', csv], {}),
      run('api/import/cli.ts', ['vpr', join(dir, 'missing.csv')], {}),
      run('seeds/cli.ts', ['--scale', 'huge'], {}),
    ]);
    expect(kind.stderr).toMatch(/^import: unknown kind «nope»; usage: npm run import/);
    expect(file.stderr).toBe(`import: no such file: ${join(dir, 'missing.csv')}\n`);
    expect(scale.stderr).toMatch(/^seed: unknown scale «huge»/);
    for (const { code, stderr } of [kind, file, scale]) {
      expect(code).toBe(2);
      expect(stderr).not.toMatch(STACK_FRAME);
    }
  });
});

describe('a port in use', () => {
  let holder: Server;
  let port: number;
  beforeAll(async () => {
    holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    port = (holder.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => holder.close(() => resolve())));

  it('is named, with what to do, no stack, exit 1', async () => {
    const { code, stderr } = await run('api/main.ts', ['--dev-auth'], {
      DATABASE_URL: testDatabaseUrl(),
      PORT: String(port),
    });
    expect(stderr).toContain(
      `shnor-analytics: port ${port} on 127.0.0.1 is in use: set PORT=<another port> (or stop the process using it)`,
    );
    expect(stderr).not.toMatch(STACK_FRAME);
    expect(code).toBe(1);
  });
});
