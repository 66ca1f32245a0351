import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { computeChecksum } from '../../seeds/generate.js';
import { loadSeed, seedManifest } from '../../seeds/load.js';
import { migrate } from '../../schema/migrate.js';
import { dropTestDatabase } from '../support/fresh-database.js';

describe('loadSeed', () => {
  const name = `shnor_seed_test_${process.pid}_${Date.now()}`;
  let admin: pg.Client;
  let pool: pg.Pool;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: inject('adminUrl') });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(inject('adminUrl'));
    url.pathname = `/${name}`;
    await migrate(url.toString());
    pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
  });

  afterAll(async () => {
    await pool?.end();
    await dropTestDatabase(admin, name);
    await admin.end();
  });

  it('has no manifest before the first load', async () => {
    expect(await seedManifest(pool)).toBeNull();
  });

  it('loads the test country: row counts, checksum and manifest agree', async () => {
    const report = await loadSeed(pool, { scale: 'test' });
    expect(report.scale).toBe('test');
    expect(report.seed).toBe(20261123);
    for (const [table, count] of Object.entries(report.rowCounts)) {
      const { rows } = await pool.query<{ n: number }>(`select count(*)::int as n from ${table}`);
      expect(rows[0]?.n, table).toBe(count);
    }
    expect(report.rowCounts.vpr_result).toBeGreaterThan(1000);
    expect(report.checksum).toBe(computeChecksum({ scale: 'test' }));
    expect(await seedManifest(pool)).toEqual({ scale: 'test', seed: 20261123, checksum: report.checksum });

    // The sequences continue after the generator's explicit ids.
    const { rows } = await pool.query<{ id: number; max: number }>(
      `insert into region (code, name) values ('99', 'Проверочный регион') returning id, (select max(id) from region) as max`,
    );
    expect(rows[0]?.id).toBeGreaterThan(report.rowCounts.region ?? 0);
    const truth = await pool.query<{ kind: string; years: number[] }>(`select kind, years from seed_truth`);
    expect(truth.rows.length).toBe(report.rowCounts.seed_truth);
    expect(truth.rows[0]?.years.length).toBeGreaterThan(0);
  });

  it('replaces the previous load when loading again with another seed', async () => {
    const report = await loadSeed(pool, { scale: 'test', seed: 42 });
    const { rows } = await pool.query<{ n: number }>(`select count(*)::int as n from region`);
    expect(rows[0]?.n).toBe(report.rowCounts.region);
    const manifest = await pool.query<{ n: number }>(`select count(*)::int as n from seed_manifest`);
    expect(manifest.rows[0]?.n).toBe(1);
    expect((await seedManifest(pool))?.seed).toBe(42);
    expect(report.checksum).not.toBe(computeChecksum({ scale: 'test' }));
  });
});
