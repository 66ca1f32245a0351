import { Role } from '../db/viewer.js';

const ON = ['1', 'true', 'yes', 'on'];
const OFF = ['', '0', 'false', 'no', 'off'];

/** A URL as it may be printed: its password replaced by ***. */
export function withoutPassword(value: string): string {
  return value.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*:)[^@/]*@/i, '$1***@');
}

/**
 * Reads settings from the environment and collects every problem instead of stopping at the
 * first, so an operator fixes a wrong configuration in one go (settings.ts throws them together).
 * Each problem is a sentence: the variable, the value given, what is expected.
 */
export class EnvReader {
  readonly problems: string[] = [];

  constructor(private readonly env: NodeJS.ProcessEnv) {}

  /** A value that is set and not empty, as it is. */
  string(name: string): string | undefined {
    return this.env[name] || undefined;
  }

  flag(name: string): boolean {
    const value = this.env[name];
    if (value === undefined) return false;
    if (ON.includes(value.toLowerCase())) return true;
    if (!OFF.includes(value.toLowerCase())) {
      this.problems.push(
        `${name} must be on (${ON.join(', ')}) or off (${OFF.slice(1).join(', ')}), got «${value}»`,
      );
    }
    return false;
  }

  port(name: string, fallback: number, min = 0): number {
    const value = this.env[name];
    if (value === undefined || value === '') return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > 65_535) {
      this.problems.push(`${name} must be a port number from ${min} to 65535, got «${value}»`);
      return fallback;
    }
    return n;
  }

  /** A PostgreSQL URL (postgresql://user@host:port/database), or undefined when not set. */
  databaseUrl(name: string): string | undefined {
    const value = this.env[name];
    if (!value) return undefined;
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {
      url = undefined;
    }
    if (!url || !['postgres:', 'postgresql:', 'socket:'].includes(url.protocol)) {
      this.problems.push(
        `${name} must be a PostgreSQL URL such as postgresql://postgres@127.0.0.1:5432/shnor, got «${withoutPassword(value)}»`,
      );
      return undefined;
    }
    return value;
  }

  int(name: string, fallback: number): number {
    const value = this.env[name];
    if (value === undefined || value === '') return fallback;
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n < 0) {
      this.problems.push(`${name} must be a non-negative integer, got «${value}»`);
      return fallback;
    }
    return n;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.env[name] ?? fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    this.problems.push(`${name} must be one of ${allowed.join(', ')}, got «${value}»`);
    return fallback;
  }

  roles(name: string): Role[] {
    const names = (this.env[name] ?? '')
      .split(',')
      .map((r) => r.trim())
      .filter(Boolean);
    const known = Object.values(Role) as string[];
    const unknown = names.filter((r) => !known.includes(r));
    if (unknown.length) {
      this.problems.push(
        `${name} must be a comma-separated list of roles among ${known.join(', ')}, got «${this.env[name]}» (unknown: ${unknown.join(', ')})`,
      );
    }
    return names.filter((r) => known.includes(r)) as Role[];
  }
}
