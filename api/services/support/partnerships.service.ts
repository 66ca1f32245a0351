import { GraphQLError } from 'graphql';
import { DEFAULT_METHODOLOGY } from '../../../analytics/sql/methodologies.js';
import { scopeCondition } from '../../../db/scope.js';
import { sql } from '../../../db/sql.js';
import { Partnership, School, SupportOrder } from '../../../schema/entities/index.js';
import { authorize } from '../../auth/permissions.js';
import { type Context } from '../../context.js';
import { badUserInput } from '../../errors.js';
import { type PlaceFilter } from '../../graphql/inputs/place-filter.input.js';
import { orderJson } from './orders.service.js';
import {
  asOfDate,
  audited,
  checkPeriod,
  findOrderOf,
  findRegistrySchool,
  idPage,
  placeConditions,
  type SchoolPlace,
  schoolJson,
} from './orders.shared.js';
import { partnerSuggestions } from './partner-suggestions.service.js';

/**
 * Network partnerships (SUPPORT-V1 §1): a listed school and its partner, set by the listed
 * school's municipality (support.assign). Read by the viewers whose scope holds the listed school
 * (a school's curator included); the partner school is named by its code and name — public
 * registry data — and given with its results only when it is in the viewer's scope too.
 */

export interface PartnershipRow {
  id: string;
  listedSchool: object;
  partnerSchool: object;
  basisOrder: object | null;
  from: string;
  to: string | null;
  createdAt: Date;
}

const PARTNERSHIPS = sql`partnership p
  join school ls on ls.id = p.listed_school_id join municipality lm on lm.id = ls.municipality_id
  join school ps on ps.id = p.partner_school_id join municipality pm on pm.id = ps.municipality_id
  left join support_order o on o.id = p.basis_order_id`;

const columns = (
  ctx: Context,
) => sql`p.id::text as id, ${schoolJson(ctx.viewer, 'ls', 'lm')} as "listedSchool",
  ${schoolJson(ctx.viewer, 'ps', 'pm')} as "partnerSchool", ${orderJson('o')} as "basisOrder",
  to_char(p.valid_from, 'YYYY-MM-DD') as "from", to_char(p.valid_to, 'YYYY-MM-DD') as "to", p.created_at as "createdAt"`;

/** The listed school's place: what the scope and the filter read. */
const PLACE = {
  regionId: sql`lm.region_id`,
  municipalityId: sql`ls.municipality_id`,
  schoolCodes: (codes: readonly string[]) => sql.in(sql`ls.code`, codes),
};

/** partnerships open on `asOf` (default: today in the listed school's region), of the listed schools in scope. */
export function partnerships(
  ctx: Context,
  args: { filter?: PlaceFilter | null; asOf?: string | null; first?: number | null; after?: string | null },
) {
  authorize(ctx.viewer, 'support.read');
  const day = asOfDate(args.asOf, sql`lm.region_id`);
  return idPage<PartnershipRow>(ctx, args, {
    columns: columns(ctx),
    from: PARTNERSHIPS,
    id: sql`p.id`,
    conditions: [
      scopeCondition(ctx.viewer, { ...PLACE, schoolId: sql`p.listed_school_id` }, 'rows'),
      ...placeConditions(args.filter, PLACE, 'partnerships'),
      sql`p.valid_from <= ${day} and (p.valid_to is null or p.valid_to >= ${day})`,
    ],
  });
}

async function partnershipById(ctx: Context, id: string): Promise<PartnershipRow> {
  const [row] = await ctx.db.query<PartnershipRow>(
    sql`select ${columns(ctx)} from ${PARTNERSHIPS} where p.id = ${id}::bigint`,
  );
  if (!row) throw new Error(`partnership ${id} vanished`);
  return row;
}

interface NewPartnership {
  listed: SchoolPlace;
  partner: SchoolPlace;
  basisOrderId: string | null;
  from: string;
  to: string | null;
}

/** The checks of every partnership: a partner of the listed school's region, never the school itself. */
async function checked(
  ctx: Context,
  listedCode: string,
  partnerCode: string,
  args: { basisOrderId?: string | null; from: string; to?: string | null },
  argument: { listed: string; partner: string },
): Promise<NewPartnership> {
  const listed = await findRegistrySchool(ctx, argument.listed, listedCode);
  authorize(ctx.viewer, 'support.assign', {
    place: { regionId: listed.regionId, municipalityId: listed.municipalityId },
  });
  const partner = await findRegistrySchool(ctx, argument.partner, partnerCode);
  if (partner.id === listed.id) {
    throw badUserInput(
      argument.partner,
      `${argument.partner}: a school cannot be its own partner («${listed.code}»)`,
    );
  }
  if (partner.regionId !== listed.regionId) {
    throw badUserInput(
      argument.partner,
      `${argument.partner}: «${partner.code}» is not in the region of «${listed.code}»; partners are schools of the same region`,
    );
  }
  checkPeriod(args.from, args.to);
  const basisOrderId = await findOrderOf(ctx, 'basisOrderId', args.basisOrderId, {
    regionId: listed.regionId,
    municipalityId: listed.municipalityId,
  });
  return { listed, partner, basisOrderId, from: args.from, to: args.to ?? null };
}

async function store(ctx: Context, action: string, p: NewPartnership, details: object = {}) {
  const stored = await audited(ctx, {
    action,
    change: (em) =>
      em.create(Partnership, {
        listedSchool: em.getReference(School, p.listed.id),
        partnerSchool: em.getReference(School, p.partner.id),
        basisOrder: p.basisOrderId ? em.getReference(SupportOrder, p.basisOrderId) : null,
        validFrom: p.from,
        validTo: p.to,
      }),
    target: (row) => `partnership:${row.id}`,
    details: () => ({
      listedSchoolCode: p.listed.code,
      partnerSchoolCode: p.partner.code,
      basisOrderId: p.basisOrderId,
      from: p.from,
      to: p.to,
      ...details,
    }),
    constraints: {
      partnership_schools_check: () =>
        badUserInput('partnerSchoolCode', 'partnerSchoolCode: a school cannot be its own partner'),
    },
  });
  return partnershipById(ctx, stored.id);
}

/** createPartnership: the MUNICIPAL_ANALYST of the listed school's municipality; audited. */
export async function createPartnership(
  ctx: Context,
  args: {
    listedSchoolCode: string;
    partnerSchoolCode: string;
    basisOrderId?: string | null;
    from: string;
    to?: string | null;
  },
) {
  const p = await checked(ctx, args.listedSchoolCode, args.partnerSchoolCode, args, {
    listed: 'listedSchoolCode',
    partner: 'partnerSchoolCode',
  });
  return store(ctx, 'createPartnership', p);
}

/**
 * acceptPartnerSuggestion: a partnership with a school that partnerSuggestions (SUPPORT-V1 §4,
 * default-v1, support-v1, as this viewer is suggested them) suggests for the listed school in
 * `year` now; any other partner is BAD_USER_INPUT on `partnerSchoolCode` (`reason: NOT_SUGGESTED`,
 * with the codes suggested). The school off an approved list is partnerSuggestions' own error.
 */
export async function acceptPartnerSuggestion(
  ctx: Context,
  args: {
    year: number;
    schoolCode: string;
    partnerSchoolCode: string;
    basisOrderId?: string | null;
    from: string;
  },
) {
  const p = await checked(ctx, args.schoolCode, args.partnerSchoolCode, args, {
    listed: 'schoolCode',
    partner: 'partnerSchoolCode',
  });
  const answer = await partnerSuggestions(ctx, {
    year: args.year,
    schoolCode: p.listed.code,
    methodology: DEFAULT_METHODOLOGY,
  });
  const codes = answer.suggestions.map((s) => s.code);
  const rank = codes.indexOf(p.partner.code);
  if (rank < 0) {
    throw new GraphQLError(
      `partnerSchoolCode: «${p.partner.code}» is not among the partners suggested for «${p.listed.code}» in ${args.year} (${codes.join(', ') || 'none'})`,
      {
        extensions: {
          code: 'BAD_USER_INPUT',
          argument: 'partnerSchoolCode',
          reason: 'NOT_SUGGESTED',
          suggested: codes,
        },
      },
    );
  }
  return store(ctx, 'acceptPartnerSuggestion', p, {
    year: args.year,
    listId: answer.listId,
    suggestionRank: rank + 1,
    candidateCount: answer.candidateCount,
    methodology: answer.methodology.name,
    support: answer.support.name,
  });
}
