import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** What the tests of the support-list imports share: the report, an upload over HTTP, the CLI run. */

export interface ImportAnswer {
  id: string;
  status: string;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  badRows: number;
  errors: { line: number; column: string; value: string; reason: { ru: string; en: string } }[];
}

/** `POST /import/<kind>` with one file, as the README's curl sends it. */
export async function uploadImport(
  serverUrl: string,
  kind: string,
  bytes: Uint8Array | string,
  fileName: string,
  token?: string,
) {
  const form = new FormData();
  form.append('file', new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)]), fileName);
  const response = await fetch(`${serverUrl}/import/${kind}`, {
    method: 'POST',
    body: form,
    headers: {
      'apollo-require-preflight': 'true',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
  });
  return { status: response.status, report: (await response.json()) as ImportAnswer };
}

/** `npm run import -- <kind> <file>` spawned as the operator runs it, against `databaseUrl`. */
export async function importByCli(
  databaseUrl: string,
  dir: string,
  kind: string,
  bytes: Uint8Array | string,
  fileName: string,
) {
  const file = join(dir, fileName);
  await writeFile(file, bytes);
  const child = spawn(
    process.execPath,
    ['--import', '@swc-node/register/esm-register', 'api/import/cli.ts', kind, file],
    { env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, output };
}
