import { afterEach, describe, expect, it, vi } from 'vitest';
import { exitOnOperatorError, UsageError } from './operator-error.js';
import { ConfigError } from './settings.js';

/** What the entry points print and their exit code, with process.exit stopped. */
function ending(error: unknown): { code: number | undefined; printed: string } {
  const printed: string[] = [];
  vi.spyOn(console, 'error').mockImplementation((line: string) => void printed.push(line));
  vi.spyOn(process, 'exit').mockImplementation(((code?: number) => {
    throw Object.assign(new Error('exit'), { exitCode: code });
  }) as typeof process.exit);
  try {
    exitOnOperatorError('cli', error);
  } catch (thrown) {
    if (thrown === error) return { code: undefined, printed: printed.join('\n') };
    return { code: (thrown as { exitCode?: number }).exitCode, printed: printed.join('\n') };
  }
  return { code: undefined, printed: printed.join('\n') };
}

afterEach(() => vi.restoreAllMocks());

describe('exitOnOperatorError', () => {
  it('prints every wrong setting, without a stack, exit 1', () => {
    const { code, printed } = ending(new ConfigError(['PORT must be …', 'MAX_QUERY_DEPTH must be …']));
    expect(code).toBe(1);
    expect(printed).toBe(
      'cli: 2 settings are wrong (README: Configuration):\n  - PORT must be …\n  - MAX_QUERY_DEPTH must be …',
    );
  });

  it('a usage error exits 2; an error of another layer joins by its flag', () => {
    expect(ending(new UsageError('no such file: x'))).toEqual({ code: 2, printed: 'cli: no such file: x' });
    const startup = Object.assign(new Error('port 1 on h is in use'), { operatorFacing: true });
    expect(ending(startup)).toEqual({ code: 1, printed: 'cli: port 1 on h is in use' });
  });

  it('a connection that could not be made points at DATABASE_URL', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5999'), { code: 'ECONNREFUSED' });
    const { code, printed } = ending(refused);
    expect(code).toBe(1);
    expect(printed).toMatch(
      /^cli: cannot connect to PostgreSQL \(connect ECONNREFUSED 127.0.0.1:5999\): check DATABASE_URL/,
    );
  });

  it('anything else is a bug: thrown on, stack and all', () => {
    const bug = new TypeError('x is undefined');
    expect(ending(bug)).toEqual({ code: undefined, printed: '' });
  });
});
