/**
 * What the operator must fix — a wrong setting, a wrong argument, a port in use, a database that
 * cannot be reached — ends the server and every CLI the same way: its sentences on stderr, no stack
 * trace, a non-zero exit code. Anything else is a bug and keeps its stack.
 */

/**
 * An error whose message is all the operator needs. Classes of layers above config/ that config/
 * may not import (db/preflight.ts's StartupError) join by carrying `operatorFacing = true`.
 */
export class OperatorError extends Error {
  readonly operatorFacing = true;

  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** A CLI called wrongly (an unknown kind, a missing file): exit code 2, as usage errors go. */
export class UsageError extends OperatorError {
  constructor(message: string) {
    super(message, 2);
  }
}

function isOperatorFacing(error: unknown): error is Error & { exitCode?: number } {
  return error instanceof Error && (error as { operatorFacing?: unknown }).operatorFacing === true;
}

/**
 * Codes of a connection that could not be made (node's and PostgreSQL's: refused, unknown host,
 * bad password, no such role or database): DATABASE_URL points at the wrong place.
 */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  '28P01',
  '28000',
  '3D000',
]);

function connectionProblem(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !CONNECTION_CODES.has(code)) return undefined;
  const message = error instanceof Error && error.message ? error.message : code;
  return `cannot connect to PostgreSQL (${message}): check DATABASE_URL (host, port, user, password, database) and that PostgreSQL runs there`;
}

/**
 * The one ending of the entry points (api/main.ts and every CLI): an operator's error is printed
 * as `program: sentence(s)` on stderr and the process exits with its code (1, usage 2); anything
 * else is thrown on, with its stack.
 */
export function exitOnOperatorError(program: string, error: unknown): never {
  if (isOperatorFacing(error)) {
    console.error(`${program}: ${error.message}`);
    process.exit(error.exitCode ?? 1);
  }
  const connection = connectionProblem(error);
  if (connection) {
    console.error(`${program}: ${connection}`);
    process.exit(1);
  }
  throw error;
}

/** `step()` (loading settings, checking arguments), ending the process as above when the operator must fix something. */
export function orExit<T>(program: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    return exitOnOperatorError(program, error);
  }
}

/** Runs an entry point's `main`: its number is the exit code; an operator's error ends it as above. */
export function runMain(program: string, main: () => Promise<number | void>): void {
  main().then(
    (code) => {
      if (typeof code === 'number') process.exitCode = code;
    },
    (error: unknown) => exitOnOperatorError(program, error),
  );
}
