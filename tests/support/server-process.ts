import { type ChildProcess, spawn } from 'node:child_process';

/** `npm start`'s entry point as its own process: what an operator runs, signals and exit code included. */
export interface ServerProcess {
  child: ChildProcess;
  /** Resolves with the URL once it listens, or rejects with its output if it exits first. */
  ready: Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>;
  output(): string;
}

export function spawnServer(env: NodeJS.ProcessEnv, args: string[] = []): ServerProcess {
  const child = spawn(
    process.execPath,
    ['--import', '@swc-node/register/esm-register', 'api/main.ts', ...args],
    {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>(
    (resolve) => child.on('exit', (code, signal) => resolve({ code, signal, output })),
  );
  const ready = new Promise<string>((resolve, reject) => {
    const check = () => {
      const found = /GraphQL and the IDE at (http:\/\/\S+)\/graphql/.exec(output);
      if (found?.[1]) resolve(found[1]);
    };
    child.stdout?.on('data', check);
    void exited.then(({ code }) =>
      reject(new Error(`the server exited (${code}) before listening:\n${output}`)),
    );
  });
  ready.catch(() => undefined); // a test that expects the exit awaits `exited`, not `ready`
  return { child, ready, exited, output: () => output };
}
