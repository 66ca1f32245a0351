import { existsSync, readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { GraphQLError } from 'graphql';
import { OperatorError, UsageError } from '../../../config/operator-error.js';
import { loadDatabaseSettings } from '../../../config/settings.js';
import { knexQueryable } from '../../../db/knex-queryable.js';
import { Role, type Viewer } from '../../../db/viewer.js';
import { decodeRoadmapText } from '../../../ingest/roadmap/parse-table.js';
import { openDatabase } from '../../../schema/database.js';
import { type RoadmapLevel } from '../../../schema/enums.js';
import { authorize } from '../../auth/permissions.js';
import { importRoadmap, type RoadmapImportField } from './roadmap-import.service.js';
import { roadmapLevelOf, roadmapOrderOf, roadmapPeriodOf } from './roadmap-options.js';

/**
 * `npm run import -- roadmap <file> --level MUNICIPALITY --region 56 --municipality <id or name>
 *   --list-year 2020 [--school <code>] [--period 2020-09-01..2021-12-31] [--order 01-10/142-2:2020-09-10]`
 * (api/import/cli.ts hands the roadmap kind here): the roadmap import of SUPPORT-V1 §3, as the
 * ministry (the operator of the machine), into DATABASE_URL; prints the activities, the period and
 * the warnings. A refused import is a sentence on stderr and exit code 1; wrong arguments exit 2.
 */

export const ROADMAP_USAGE =
  'usage: npm run import -- roadmap <file.txt> --level REGION|MUNICIPALITY|SCHOOL --region <code> ' +
  '[--municipality <id or name>] [--school <code>] --list-year <year> [--period <start>..<end>] [--order <number>:<date>]';

const FLAGS = ['level', 'region', 'municipality', 'school', 'list-year', 'period', 'order'] as const;
type Flag = (typeof FLAGS)[number];

/** The flag an argument of the service is given by, for its error messages. */
const FLAG_OF: Record<RoadmapImportField, string> = {
  text: '<file>',
  level: '--level',
  regionCode: '--region',
  municipality: '--municipality',
  schoolCode: '--school',
  listYear: '--list-year',
  periodStart: '--period',
  periodEnd: '--period',
  orderNumber: '--order',
  orderDate: '--order',
};

function parseFlags(args: readonly string[]): { file: string; flags: Partial<Record<Flag, string>> } {
  const [file, ...rest] = args;
  if (!file || file.startsWith('--')) throw new UsageError(`a roadmap file is needed; ${ROADMAP_USAGE}`);
  const flags: Partial<Record<Flag, string>> = {};
  for (let i = 0; i < rest.length; i += 2) {
    const name = (rest[i] ?? '').replace(/^--/, '') as Flag;
    const value = rest[i + 1];
    if (!FLAGS.includes(name)) throw new UsageError(`unknown option «${rest[i]}»; ${ROADMAP_USAGE}`);
    if (value === undefined || value.startsWith('--'))
      throw new UsageError(`--${name} needs a value; ${ROADMAP_USAGE}`);
    flags[name] = value;
  }
  return { file, flags };
}

function levelOf(text: string | undefined): RoadmapLevel {
  const level = roadmapLevelOf(text);
  if (!level)
    throw new UsageError(
      `--level must be REGION, MUNICIPALITY or SCHOOL (got «${text ?? ''}»); ${ROADMAP_USAGE}`,
    );
  return level;
}

/** `--period 2020-09-01..2021-12-31` */
function periodOf(text: string | undefined): { start: string; end: string } | null {
  if (text === undefined) return null;
  const period = roadmapPeriodOf(text);
  if (!period)
    throw new UsageError(`--period is <start>..<end>, e.g. 2020-09-01..2021-12-31 (got «${text}»)`);
  return period;
}

/** `--order 01-10/142-2:2020-09-10`: the number may hold anything but its last colon. */
function orderOf(text: string | undefined): { number: string; date: string } | null {
  if (text === undefined) return null;
  const order = roadmapOrderOf(text);
  if (!order) throw new UsageError(`--order is <number>:<date>, e.g. 01-10/142-2:2020-09-10 (got «${text}»)`);
  return order;
}

/** The roadmap import from the command line; returns the exit code. */
export async function roadmapCli(args: readonly string[]): Promise<number> {
  const { file, flags } = parseFlags(args);
  if (!existsSync(file)) throw new UsageError(`no such file: ${file}`);
  const level = levelOf(flags.level);
  if (!flags.region) throw new UsageError(`--region is needed; ${ROADMAP_USAGE}`);
  const listYear = Number(flags['list-year']);
  if (!flags['list-year'] || !Number.isInteger(listYear)) {
    throw new UsageError(`--list-year must be a year (got «${flags['list-year'] ?? ''}»); ${ROADMAP_USAGE}`);
  }
  const period = periodOf(flags.period);
  const order = orderOf(flags.order);
  let text: string;
  try {
    text = decodeRoadmapText(readFileSync(file));
  } catch (error) {
    throw new OperatorError(
      `${file} is not a text file (UTF-8 or Windows-1251): ${(error as Error).message}`,
    );
  }

  const { databaseUrl } = loadDatabaseSettings();
  const viewer: Viewer = { id: `cli:${userInfo().username}`, role: Role.MINISTRY, scope: { kind: 'ALL' } };
  authorize(viewer, 'support.plan');
  const orm = await openDatabase(databaseUrl);
  try {
    const result = await importRoadmap(
      { viewer, db: knexQueryable(orm.em.getKnex()), em: orm.em.fork() },
      {
        text,
        level,
        regionCode: flags.region,
        municipality: flags.municipality,
        schoolCode: flags.school,
        listYear,
        period,
        order,
        argumentName: (field) => FLAG_OF[field],
      },
    );
    const r = result.roadmap;
    console.log(
      `Импортирована / imported: roadmap ${r.id} (${r.level}, list year ${r.listYear}${r.orderNumber ? `, order № ${r.orderNumber} of ${r.orderDate}` : ''})` +
        `${result.replaced ? ', replacing the earlier import' : ''}`,
    );
    console.log(`мероприятий / activities: ${result.activityCount}`);
    console.log(
      `период / period: ${r.periodStart} … ${r.periodEnd}${result.periodDerived ? ' (derived from the deadlines)' : ''}`,
    );
    console.log(`предупреждений / warnings: ${result.warnings.length}`);
    for (const w of result.warnings) console.log(`  строка / line ${w.line}, ${w.code}: ${w.message}`);
    return 0;
  } catch (error) {
    // A refusal of the import (BAD_USER_INPUT, FORBIDDEN, CONFLICT): its sentence, exit code 1.
    if (error instanceof GraphQLError) {
      const code = typeof error.extensions.code === 'string' ? error.extensions.code : 'ERROR';
      throw new OperatorError(`roadmap refused (${code}): ${error.message}`);
    }
    throw error;
  } finally {
    await orm.close(true);
  }
}
