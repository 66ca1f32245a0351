import { Role } from '../db/viewer.js';

/**
 * Reads settings from the environment and collects every problem instead of stopping at the
 * first, so an operator fixes a wrong configuration in one go (config.ts throws them together).
 */
export class EnvReader {
  readonly problems: string[] = [];

  constructor(private readonly env: NodeJS.ProcessEnv) {}

  flag(name: string): boolean {
    const value = this.env[name];
    return value !== undefined && ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
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
    this.problems.push(`${name} must be ${allowed.join(', ')}, got «${value}»`);
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
      this.problems.push(`${name}: unknown role(s) ${unknown.join(', ')}; known: ${known.join(', ')}`);
    }
    return names.filter((r) => known.includes(r)) as Role[];
  }
}
