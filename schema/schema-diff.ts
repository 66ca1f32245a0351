import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { t, Type } from '@mikro-orm/core';
import {
  DatabaseSchema,
  DatabaseTable,
  MikroORM,
  SchemaComparator,
  type Column,
  type SchemaDifference,
} from '@mikro-orm/postgresql';
import { ENTITIES } from './entities/index.js';
import { formatted } from './migration-generator.js';
import { openMigrated } from './migrate.js';
import { ormConfig } from './orm-config.js';

/**
 * The entities against the migrated tables (`npm run schema:check`): MikroORM's update diff
 * (what `schema:update --dump` prints), limited to the tables that have an entity. A table without
 * an entity is no difference; a column, index, check or foreign key of an entity table that its
 * entity does not declare is one. And the migrations snapshot against the entities: when they
 * differ, `npm run migration:create` would write a migration for what is already migrated, or miss one.
 */
export interface SchemaCheck {
  /** The tables compared: those of the entities. */
  tables: string[];
  /** One sentence per difference between the entities and the database; none when they agree. */
  differences: string[];
  /** The SQL that would turn the tables into what the entities say. To read, never to run blindly. */
  sql: string;
  /** Differences between the snapshot and the entities (undefined: not compared). */
  snapshotDifferences?: string[];
}

function entityTables(orm: MikroORM): string[] {
  return Object.values(orm.getMetadata().getAll())
    .filter((meta) => meta.tableName && !meta.embeddable && !meta.virtual)
    .map((meta) => meta.tableName)
    .sort();
}

/** The database's schema of these tables only (with the native enums). */
function databaseSchemaOf(orm: MikroORM, tables: string[]): Promise<DatabaseSchema> {
  return DatabaseSchema.create(
    orm.em.getConnection(),
    orm.em.getPlatform(),
    orm.config,
    undefined,
    undefined,
    tables,
  );
}

const show = (value: unknown) => (value === undefined || value === null ? 'none' : JSON.stringify(value));

const COLUMN_FACTS: Record<string, (c: Column) => unknown> = {
  nullable: (c) => (c.nullable ? 'null' : 'not null'),
  autoincrement: (c) => c.autoincrement ?? false,
  unsigned: (c) => c.unsigned ?? false,
};

interface Key {
  constraintName: string;
  columnNames: string[];
  referencedTableName: string;
  referencedColumnNames: string[];
  updateRule?: string;
  deleteRule?: string;
}

const keyText = (k: Key) =>
  `${k.constraintName} (${k.columnNames.join(', ')}) → ${k.referencedTableName.replace(/^public\./, '')} ` +
  `(${k.referencedColumnNames.join(', ')}) on update ${k.updateRule ?? 'no action'} on delete ${k.deleteRule ?? 'no action'}`;

const indexText = (i: { keyName: string; columnNames: string[]; expression?: string; unique?: boolean }) =>
  `${i.unique ? 'unique ' : ''}index ${i.keyName} (${i.expression ?? i.columnNames.join(', ')})`;

/**
 * A MikroORM schema difference as sentences, "table.column: … in the database, … in the entity".
 * `from` is the database (or the snapshot), `to` the entities. Tables only `from` has are left out.
 */
export function describeDifference(diff: SchemaDifference, from = 'the database'): string[] {
  const out: string[] = [];
  for (const table of Object.values(diff.newTables)) out.push(`${table.name}: no such table in ${from}`);
  for (const e of diff.newNativeEnums) out.push(`enum ${e.name}: no such type in ${from}`);
  for (const t of Object.values(diff.changedTables)) {
    const name = t.toTable.name;
    for (const c of Object.values(t.addedColumns))
      out.push(`${name}.${c.name}: in the entity, not in ${from}`);
    for (const c of Object.values(t.removedColumns))
      out.push(`${name}.${c.name}: in ${from}, not in the entity`);
    for (const [old, c] of Object.entries(t.renamedColumns))
      out.push(`${name}.${old}: named ${c.name} in the entity`);
    for (const { column, fromColumn, changedProperties } of Object.values(t.changedColumns)) {
      for (const property of changedProperties) {
        const fact =
          COLUMN_FACTS[property] ?? ((c: Column) => (c as unknown as Record<string, unknown>)[property]);
        out.push(
          `${name}.${column.name}: ${property} ${show(fact(fromColumn))} in ${from}, ${show(fact(column))} in the entity`,
        );
      }
    }
    for (const i of Object.values(t.addedIndexes))
      out.push(`${name}: ${indexText(i)} in the entity, not in ${from}`);
    for (const i of Object.values(t.removedIndexes))
      out.push(`${name}: ${indexText(i)} in ${from}, not in the entity`);
    for (const i of Object.values(t.changedIndexes))
      out.push(`${name}: ${indexText(i)} differs from ${from}`);
    for (const [old, i] of Object.entries(t.renamedIndexes))
      out.push(`${name}: index ${old} of ${from} is named ${i.keyName} in the entity`);
    const check = (c: { name: string; expression: unknown }) => `check ${c.name} (${String(c.expression)})`;
    for (const c of Object.values(t.addedChecks))
      out.push(`${name}: ${check(c)} in the entity, not in ${from}`);
    for (const c of Object.values(t.removedChecks))
      out.push(`${name}: ${check(c)} in ${from}, not in the entity`);
    for (const c of Object.values(t.changedChecks))
      out.push(`${name}: ${check(c)} in the entity differs from ${from}`);
    for (const k of Object.values(t.addedForeignKeys))
      out.push(`${name}: foreign key ${keyText(k)} in the entity, not in ${from}`);
    for (const k of Object.values(t.removedForeignKeys))
      out.push(`${name}: foreign key ${keyText(k)} in ${from}, not in the entity`);
    for (const k of Object.values(t.changedForeignKeys))
      out.push(`${name}: foreign key ${keyText(k)} in the entity differs from ${from}`);
    if (t.changedComment !== undefined) out.push(`${name}: the table comment differs from ${from}`);
  }
  return out;
}

/** An index definition without what PostgreSQL adds (schema, `using btree`, casts) or quoting. */
const normalIndex = (sql: string) =>
  sql
    .toLowerCase()
    .replace(/::\w+( precision| varying)?/g, '')
    .replace(/\bpublic\./g, '')
    .replace(/\busing btree\b/g, '')
    .replace(/["'()\s]/g, '');

/**
 * MikroORM compares an index given as SQL (a partial or expression index) by name only; this
 * compares its definition with the one PostgreSQL keeps.
 */
async function expressionIndexDifferences(orm: MikroORM): Promise<string[]> {
  const wanted = Object.values(orm.getMetadata().getAll()).flatMap((meta) =>
    [...meta.indexes, ...meta.uniques]
      .filter((i) => typeof i.expression === 'string' && i.name)
      .map((i) => ({ table: meta.tableName, name: i.name as string, sql: i.expression as string })),
  );
  if (!wanted.length) return [];
  const rows = await orm.em.getConnection().execute<{ indexname: string; indexdef: string }[]>(
    `select indexname, indexdef from pg_indexes where schemaname = current_schema() and indexname in (${wanted.map(() => '?').join(', ')})`,
    wanted.map((w) => w.name),
  );
  const stored = new Map(rows.map((r) => [r.indexname, r.indexdef]));
  return wanted.flatMap(({ table, name, sql }) => {
    const actual = stored.get(name);
    if (actual === undefined) return []; // reported by the comparator as missing
    return normalIndex(actual) === normalIndex(sql)
      ? []
      : [`${table}: index ${name} is «${actual}» in the database, «${sql}» in the entity`];
  });
}

/** Where the migrations snapshot lives (orm-config.ts: migrations.pathTs + snapshotName). */
export function snapshotPath(orm: MikroORM): string {
  const options = orm.config.get('migrations');
  const dir = options.pathTs ?? options.path ?? 'schema/migrations';
  const base = isAbsolute(dir) ? dir : join(orm.config.get('baseDir'), dir);
  return join(base, `${options.snapshotName ?? '.snapshot-shnor'}.json`);
}

/** The snapshot as a schema, as MikroORM's Migrator reads it; undefined when there is none. */
export async function readSnapshot(orm: MikroORM): Promise<DatabaseSchema | undefined> {
  const file = snapshotPath(orm);
  if (!existsSync(file)) return undefined;
  const platform = orm.em.getPlatform();
  const data = JSON.parse(await readFile(file, 'utf8')) as {
    tables: ({ name: string; columns: Record<string, Column & { mappedType: string }> } & Record<
      string,
      unknown
    >)[];
    namespaces: string[];
  } & Record<string, unknown>;
  const { tables, namespaces, ...rest } = data;
  const schema = new DatabaseSchema(platform, orm.config.get('schema'));
  const instances = tables.map(({ columns, ...table }) => {
    const instance = new DatabaseTable(platform, table.name);
    Object.assign(instance, table);
    for (const column of Object.values(columns)) {
      const type = (t as Record<string, unknown>)[column.mappedType] as
        | Parameters<typeof Type.getType>[0]
        | undefined;
      instance.addColumn({ ...column, mappedType: Type.getType(type ?? t.unknown) });
    }
    return instance;
  });
  Object.assign(schema, { tables: instances, namespaces: new Set(namespaces), ...rest });
  return schema;
}

/**
 * Writes the snapshot from the entities, formatted as the project formats JSON. schema:check
 * `--write-snapshot` does it once the entities and the migrated tables agree.
 */
export async function writeSnapshot(orm: MikroORM): Promise<string> {
  const file = snapshotPath(orm);
  const json = JSON.stringify(orm.schema.getTargetSchema(), null, 2);
  await writeFile(file, await formatted(json, file));
  return file;
}

/** The snapshot against the entities; undefined when there is no snapshot. */
export async function snapshotDifferences(orm: MikroORM): Promise<string[] | undefined> {
  const snapshot = await readSnapshot(orm);
  if (!snapshot) return undefined;
  const diff = new SchemaComparator(orm.em.getPlatform()).compare(snapshot, orm.schema.getTargetSchema());
  return describeDifference(diff, 'the snapshot');
}

/** Compares the entities of this ORM with the tables of its (migrated) database. */
export async function compareWithDatabase(orm: MikroORM): Promise<Omit<SchemaCheck, 'snapshotDifferences'>> {
  const tables = entityTables(orm);
  const diff = new SchemaComparator(orm.em.getPlatform()).compare(
    await databaseSchemaOf(orm, tables),
    orm.schema.getTargetSchema(),
  );
  const differences = [...describeDifference(diff), ...(await expressionIndexDifferences(orm))];
  const sql = differences.length
    ? await orm.schema.getUpdateSchemaSQL({
        wrap: false,
        safe: false,
        dropTables: false,
        fromSchema: await databaseSchemaOf(orm, tables),
      })
    : '';
  return { tables, differences, sql: sql.replace(/\n{2,}/g, '\n').trim() };
}

export interface CheckOptions {
  /** The entities to compare (default: the application's, schema/entities). */
  entities?: unknown[];
  /** Compare the migrations snapshot with the entities as well (default true). */
  snapshot?: boolean;
  /** After a clean comparison, write the snapshot from the entities. */
  writeSnapshot?: boolean;
}

/**
 * Migrates the database at `url`, then compares the entities with its tables. The migrations
 * run with the application's configuration; the comparison uses `entities`, so a test can plant
 * a difference without touching schema/entities.
 */
export async function checkSchema(
  url: string,
  options: CheckOptions = {},
): Promise<SchemaCheck & { wrote?: string }> {
  await (await openMigrated(url, { pool: { min: 0, max: 1 } })).close(true);
  const orm = await MikroORM.init(
    ormConfig(url, {
      entities: (options.entities ?? ENTITIES) as never[],
      pool: { min: 0, max: 1 },
      discovery: { warnWhenNoEntities: false },
    }),
  );
  try {
    const result: SchemaCheck & { wrote?: string } = await compareWithDatabase(orm);
    if (options.writeSnapshot && result.differences.length === 0) result.wrote = await writeSnapshot(orm);
    if (options.snapshot ?? true) result.snapshotDifferences = await snapshotDifferences(orm);
    return result;
  } finally {
    await orm.close(true);
  }
}
