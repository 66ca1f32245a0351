import { sql } from '../../db/sql.js';

/**
 * A region as every read of one selects it. Its own module (no GraphQL types imported), so the
 * loaders can take the columns without loading decorated classes before reflect-metadata.
 */
export interface RegionRow {
  id: number;
  code: string;
  name: string;
  timeZone: string;
}

/** The columns of a RegionRow (of `region`, unaliased), wherever a region is read. */
export const REGION_COLUMNS = sql`id, code, name, time_zone as "timeZone"`;
