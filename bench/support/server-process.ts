import { type ChildProcess, spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { mintToken } from '../../api/auth/tokens.js';

/** The benchmarks run as the ministry, with a real bearer token, as a deployment would. */
const BENCH_SECRET = 'bench-secret-not-for-production-use';
export const benchHeaders = async (): Promise<Record<string, string>> => ({
  'content-type': 'application/json',
  authorization: `Bearer ${await mintToken(BENCH_SECRET, { role: 'MINISTRY', sub: 'bench' })}`,
});

/** No token: for a server in development mode, where nothing is verified. */
export const anonymousHeaders = { 'content-type': 'application/json' };

export interface ServerProcess {
  url: string;
  /** the server's process id (its CPU time is read from /proc by bench:cpu) */
  pid: number;
  stop(): Promise<void>;
}

/**
 * The real server in its own process (as in production), so the load generator does not share its
 * event loop. `cwd`: another checkout to run instead (bench:cpu runs a baseline commit beside this one).
 */
export async function spawnServer(
  env: Record<string, string>,
  port: number,
  cwd?: string,
): Promise<ServerProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', '@swc-node/register/esm-register', 'api/main.ts'],
    {
      env: {
        ...process.env,
        AUTH_JWT_SECRET: BENCH_SECRET,
        NODE_ENV: 'production',
        ...env,
        PORT: String(port),
        EXPOSE_SQL_STATS: '0',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
      ...(cwd ? { cwd } : {}),
    },
  );
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i += 1) {
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  return {
    url,
    pid: child.pid ?? -1,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}
