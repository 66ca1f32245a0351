import { createHash, type Hash } from 'node:crypto';
import { encodeRow } from '../db/copy.js';
import type { TableSource } from './tables.js';

/**
 * SHA-256 over a canonical serialisation of the generated data: for each table in generation order a
 * header line, then every row as its COPY text line (db/copy.ts encodeRow). The loader feeds the
 * same bytes while they stream into COPY, so loading needs no second pass.
 */
export class ChecksumBuilder {
  private readonly hash: Hash = createHash('sha256');

  table(name: string, columns: readonly string[]): void {
    this.hash.update(`\\.${name}(${columns.join(',')})\n`);
  }

  update(chunk: string): void {
    this.hash.update(chunk);
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}

/** Hashes tables without a database (one full pass of the generator). */
export function checksumOfTables(tables: readonly TableSource[]): string {
  const builder = new ChecksumBuilder();
  for (const table of tables) {
    builder.table(table.name, table.columns);
    let buffer = '';
    for (const row of table.rows()) {
      buffer += encodeRow(row);
      if (buffer.length >= 1 << 18) {
        builder.update(buffer);
        buffer = '';
      }
    }
    builder.update(buffer);
  }
  return builder.digest();
}
