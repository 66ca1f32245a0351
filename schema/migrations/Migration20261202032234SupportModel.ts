import { Migration } from '@mikro-orm/migrations';

/**
 * The support system's model (issue 12, SUPPORT-V1 §1): orders, roadmaps and their activities with
 * status records, working groups, coordinators and curators, ММЦ, partnerships, school documents
 * with status records and measures, events, diagnostics, activity reports, best practices; and the
 * stored parameter version `support-v1`, so that results can name it.
 *
 * Rules of §1 that the tables keep themselves, beyond their checks:
 * - a row that belongs to a place other than a school stores the place whole (region_id, and
 *   municipality_id / school_id when it is one), so that the scope fragment (db/scope.ts) reads it
 *   from the row; the trigger support_place_check refuses a municipality of another region and a
 *   school of another municipality. Rows of a school store school_id and scope as results do.
 * - at most one CHAIR and one SECRETARY per working group: partial unique indexes.
 * - at most one ММЦ per municipality on a date: an exclusion constraint (btree_gist).
 * - records and reports are append-only: activity_status_record, document_status_record and
 *   activity_report refuse UPDATE and DELETE (a trigger; TRUNCATE, as a seed reload does, is not
 *   refused). A cascade from a deleted roadmap, school or place is a DELETE, so a place with
 *   records cannot be deleted either.
 */
export class Migration20261202032234SupportModel extends Migration {
  override async up(): Promise<void> {
    // For the exclusion constraint of mmc_attachment: `=` on an integer in a GiST index.
    // A trusted extension since PostgreSQL 13: the database owner may create it.
    this.addSql(`create extension if not exists "btree_gist"`);

    // support_place_check(region column, municipality column[, school column]) on a row with a place.
    this.addSql(`create function "support_place_check"() returns trigger language plpgsql as $$
      declare
        place jsonb := to_jsonb(new);
        place_region int := (place ->> tg_argv[0])::int;
        place_municipality int := case when tg_nargs > 1 then (place ->> tg_argv[1])::int end;
        place_school int := case when tg_nargs > 2 then (place ->> tg_argv[2])::int end;
      begin
        if place_municipality is not null and not exists (
          select from "municipality" m where m."id" = place_municipality and m."region_id" = place_region
        ) then
          raise exception using errcode = 'check_violation', constraint = tg_name, table = tg_table_name,
            message = format('%s: municipality %s is not in region %s', tg_table_name, place_municipality, place_region);
        end if;
        if place_school is not null and not exists (
          select from "school" s where s."id" = place_school and s."municipality_id" = place_municipality
        ) then
          raise exception using errcode = 'check_violation', constraint = tg_name, table = tg_table_name,
            message = format('%s: school %s is not in municipality %s', tg_table_name, place_school, place_municipality);
        end if;
        return new;
      end $$`);

    this.addSql(`create function "support_append_only"() returns trigger language plpgsql as $$
      begin
        raise exception using errcode = 'restrict_violation', table = tg_table_name,
          message = format('%s is append-only: %s refused (SUPPORT-V1 §1: records and reports are append-only; add a record instead)', tg_table_name, tg_op);
      end $$`);

    this.addSql(`create table "support_version" (
      "name" text primary key constraint "support_version_name_check" check ("name" ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
      "description" text not null default '',
      "based_on" text null references "support_version" ("name"),
      "params" jsonb not null,
      "hash" text not null,
      "created_at" timestamptz not null default now(),
      "created_by" text not null)`);
    this.addSql(`create index "support_version_based_on_index" on "support_version" ("based_on")`);
    // As shipped, frozen here: analytics/support/params.ts SUPPORT_V1 and its paramsHash (the
    // support-model test compares them), as default-v1 is stored with its parameters.
    this.addSql(`insert into "support_version" ("name", "description", "params", "hash", "created_by")
      values ('support-v1', 'SUPPORT-V1.md as shipped', '${json(SUPPORT_V1_AS_SHIPPED)}', '4858c16c31a54254', 'system')`);

    // Orders (приказы): of a region (municipality null) or of a municipality.
    this.addSql(`create table "support_order" (
      "id" bigserial primary key,
      "number" text not null,
      "date" date not null,
      "issuer" text not null,
      "region_id" int not null references "region" ("id") on delete cascade,
      "municipality_id" int null references "municipality" ("id") on delete cascade,
      "title" text not null,
      "basis_order_id" bigint null references "support_order" ("id"),
      "basis_number" text null,
      "basis_date" date null,
      "basis_issuer" text null,
      "created_at" timestamptz not null default now(),
      constraint "support_order_basis_check"
        check ("basis_order_id" is null or ("basis_number" is null and "basis_date" is null and "basis_issuer" is null)))`);
    this.addSql(`create index "support_order_region_id_index" on "support_order" ("region_id")`);
    this.addSql(`create index "support_order_municipality_id_index" on "support_order" ("municipality_id")`);
    this.addSql(`create index "support_order_basis_order_id_index" on "support_order" ("basis_order_id")`);

    this.addSql(`create table "roadmap" (
      "id" bigserial primary key,
      "level" text not null check ("level" in ('REGION', 'MUNICIPALITY', 'SCHOOL')),
      "region_id" int not null references "region" ("id") on delete cascade,
      "municipality_id" int null references "municipality" ("id") on delete cascade,
      "school_id" int null references "school" ("id") on delete cascade,
      "list_year" smallint not null,
      "period_start" date not null,
      "period_end" date not null,
      "approving_order_id" bigint null references "support_order" ("id"),
      "source_text" text null,
      "created_at" timestamptz not null default now(),
      constraint "roadmap_period_check" check ("period_start" <= "period_end"),
      constraint "roadmap_owner_check" check (
        ("level" = 'REGION' and "municipality_id" is null and "school_id" is null) or
        ("level" = 'MUNICIPALITY' and "municipality_id" is not null and "school_id" is null) or
        ("level" = 'SCHOOL' and "municipality_id" is not null and "school_id" is not null)))`);
    this.addSql(`create index "roadmap_region_id_index" on "roadmap" ("region_id")`);
    this.addSql(`create index "roadmap_municipality_id_index" on "roadmap" ("municipality_id")`);
    this.addSql(`create index "roadmap_school_id_index" on "roadmap" ("school_id")`);
    this.addSql(`create index "roadmap_approving_order_id_index" on "roadmap" ("approving_order_id")`);

    // Activities in their order; start and due as SUPPORT-V1 §2 reads the deadline.
    this.addSql(`create table "activity" (
      "id" bigserial primary key,
      "roadmap_id" bigint not null references "roadmap" ("id") on delete cascade,
      "ordinal" int not null constraint "activity_ordinal_check" check ("ordinal" >= 1),
      "number" text not null,
      "title" text not null,
      "deadline_text" text not null default '',
      "deadline_kind" text not null check ("deadline_kind" in
        ('WHOLE_PERIOD', 'NO_DUE', 'PERIOD_YEAR', 'SCHOOL_YEAR', 'YEAR', 'DATE', 'QUARTER', 'MONTHS', 'UNPARSED')),
      "start" date null,
      "due" date null,
      "executors_text" text not null default '',
      "executors" text[] not null default '{}',
      "expected_result" text null,
      "requires_school_report" boolean not null default false,
      "created_at" timestamptz not null default now(),
      constraint "activity_roadmap_id_ordinal_unique" unique ("roadmap_id", "ordinal"),
      constraint "activity_dates_check"
        check (("start" is null) = ("due" is null) and ("deadline_kind" in ('NO_DUE', 'UNPARSED')) = ("due" is null)))`);

    this.addSql(`create table "activity_status_record" (
      "seq" bigserial primary key,
      "activity_id" bigint not null references "activity" ("id") on delete cascade,
      "date" date not null,
      "status" text not null check ("status" in ('PLANNED', 'IN_PROGRESS', 'DONE')),
      "note" text null,
      "evidence_url" text null,
      "created_at" timestamptz not null default now(),
      constraint "activity_status_record_evidence_url_check" check (${EVIDENCE_URL}))`);
    this.addSql(`create index "activity_status_record_activity_id_date_seq_index"
      on "activity_status_record" ("activity_id", "date", "seq")`);

    this.addSql(`create table "working_group" (
      "id" bigserial primary key,
      "name" text not null,
      "region_id" int not null references "region" ("id") on delete cascade,
      "municipality_id" int null references "municipality" ("id") on delete cascade,
      "order_id" bigint null references "support_order" ("id"),
      "created_at" timestamptz not null default now())`);
    this.addSql(`create index "working_group_region_id_index" on "working_group" ("region_id")`);
    this.addSql(`create index "working_group_municipality_id_index" on "working_group" ("municipality_id")`);
    this.addSql(`create index "working_group_order_id_index" on "working_group" ("order_id")`);

    this.addSql(`create table "working_group_member" (
      "id" bigserial primary key,
      "working_group_id" bigint not null references "working_group" ("id") on delete cascade,
      "full_name" text not null,
      "position" text null,
      "organisation" text null,
      "role" text not null default 'MEMBER' check ("role" in ('CHAIR', 'DEPUTY_CHAIR', 'SECRETARY', 'MEMBER')),
      "created_at" timestamptz not null default now())`);
    this.addSql(
      `create index "working_group_member_working_group_id_index" on "working_group_member" ("working_group_id")`,
    );
    this
      .addSql(`create unique index "working_group_member_one_chair" on "working_group_member" ("working_group_id")
      where "role" = 'CHAIR'`);
    this
      .addSql(`create unique index "working_group_member_one_secretary" on "working_group_member" ("working_group_id")
      where "role" = 'SECRETARY'`);

    // Coordinators of a municipality and curators of a school; person_key names the viewer.
    this.addSql(`create table "assignment" (
      "id" bigserial primary key,
      "kind" text not null check ("kind" in ('COORDINATOR', 'CURATOR')),
      "person_full_name" text not null,
      "person_key" text not null,
      "region_id" int not null references "region" ("id") on delete cascade,
      "municipality_id" int not null references "municipality" ("id") on delete cascade,
      "school_id" int null references "school" ("id") on delete cascade,
      "valid_from" date not null,
      "valid_to" date null,
      "order_id" bigint null references "support_order" ("id"),
      "created_at" timestamptz not null default now(),
      constraint "assignment_target_check"
        check (("kind" = 'COORDINATOR' and "school_id" is null) or ("kind" = 'CURATOR' and "school_id" is not null)),
      constraint "assignment_period_check" check ("valid_to" is null or "valid_to" >= "valid_from"))`);
    this.addSql(`create index "assignment_person_key_index" on "assignment" ("person_key")`);
    this.addSql(`create index "assignment_region_id_index" on "assignment" ("region_id")`);
    this.addSql(`create index "assignment_municipality_id_index" on "assignment" ("municipality_id")`);
    this.addSql(`create index "assignment_school_id_index" on "assignment" ("school_id")`);
    this.addSql(`create index "assignment_order_id_index" on "assignment" ("order_id")`);

    this.addSql(`create table "mmc" (
      "id" bigserial primary key,
      "name" text not null,
      "region_id" int not null references "region" ("id") on delete cascade,
      "host_municipality_id" int not null references "municipality" ("id") on delete cascade,
      "created_at" timestamptz not null default now())`);
    this.addSql(`create index "mmc_region_id_index" on "mmc" ("region_id")`);
    this.addSql(`create index "mmc_host_municipality_id_index" on "mmc" ("host_municipality_id")`);

    this.addSql(`create table "mmc_attachment" (
      "id" bigserial primary key,
      "mmc_id" bigint not null references "mmc" ("id") on delete cascade,
      "municipality_id" int not null references "municipality" ("id") on delete cascade,
      "valid_from" date not null,
      "valid_to" date null,
      "created_at" timestamptz not null default now(),
      constraint "mmc_attachment_period_check" check ("valid_to" is null or "valid_to" >= "valid_from"),
      -- at most one ММЦ per municipality on a date (an open valid_to: unbounded)
      constraint "mmc_attachment_one_mmc"
        exclude using gist ("municipality_id" with =, daterange("valid_from", "valid_to", '[]') with &&))`);
    this.addSql(`create index "mmc_attachment_mmc_id_index" on "mmc_attachment" ("mmc_id")`);
    this.addSql(
      `create index "mmc_attachment_municipality_id_index" on "mmc_attachment" ("municipality_id")`,
    );

    this.addSql(`create table "partnership" (
      "id" bigserial primary key,
      "listed_school_id" int not null references "school" ("id") on delete cascade,
      "partner_school_id" int not null references "school" ("id") on delete cascade,
      "basis_order_id" bigint null references "support_order" ("id"),
      "valid_from" date not null,
      "valid_to" date null,
      "created_at" timestamptz not null default now(),
      constraint "partnership_schools_check" check ("listed_school_id" <> "partner_school_id"),
      constraint "partnership_period_check" check ("valid_to" is null or "valid_to" >= "valid_from"))`);
    this.addSql(`create index "partnership_listed_school_id_index" on "partnership" ("listed_school_id")`);
    this.addSql(`create index "partnership_partner_school_id_index" on "partnership" ("partner_school_id")`);
    this.addSql(`create index "partnership_basis_order_id_index" on "partnership" ("basis_order_id")`);

    this.addSql(`create table "school_document" (
      "id" bigserial primary key,
      "school_id" int not null references "school" ("id") on delete cascade,
      "list_year" smallint not null,
      "kind" text not null check ("kind" in
        ('CONCEPT', 'MEDIUM_TERM_PROGRAMME', 'ANTI_RISK_PROGRAMME', 'FAILING_STUDENTS_PLAN', 'TEACHER_DEVELOPMENT_PLAN')),
      "risk_factor" smallint null,
      "title" text not null,
      "file_url" text null,
      "created_at" timestamptz not null default now(),
      -- a risk factor R1..R10 for an ANTI_RISK_PROGRAMME, and for it only
      constraint "school_document_risk_factor_check"
        check (("kind" = 'ANTI_RISK_PROGRAMME') = ("risk_factor" is not null) and
          ("risk_factor" is null or ("risk_factor" >= 1 and "risk_factor" <= 10))))`);
    this.addSql(
      `create index "school_document_school_id_list_year_index" on "school_document" ("school_id", "list_year")`,
    );

    this.addSql(`create table "document_status_record" (
      "seq" bigserial primary key,
      "document_id" bigint not null references "school_document" ("id") on delete cascade,
      "date" date not null,
      "status" text not null check ("status" in ('DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED')),
      "comment" text null,
      "actor" text not null,
      "created_at" timestamptz not null default now(),
      constraint "document_status_record_comment_check"
        check ("status" <> 'RETURNED' or btrim(coalesce("comment", '')) <> ''))`);
    this.addSql(`create index "document_status_record_document_id_date_seq_index"
      on "document_status_record" ("document_id", "date", "seq")`);

    this.addSql(`create table "measure" (
      "id" bigserial primary key,
      "document_id" bigint not null references "school_document" ("id") on delete cascade,
      "title" text not null,
      "deadline_text" text not null default '',
      "responsible" text null,
      "target_indicator" text null,
      "target_value" double precision null,
      "created_at" timestamptz not null default now(),
      constraint "measure_target_check"
        check (("target_indicator" is null) = ("target_value" is null) and
          ("target_indicator" is null or "target_indicator" in (${TARGET_INDICATORS}))))`);
    this.addSql(`create index "measure_document_id_index" on "measure" ("document_id")`);

    this.addSql(`create table "support_event" (
      "id" bigserial primary key,
      "kind" text not null check ("kind" in ('SEMINAR', 'WEBINAR', 'COURSE', 'MEETING', 'OPEN_LESSON')),
      "date" date not null,
      "level" text not null check ("level" in ('SCHOOL', 'MUNICIPALITY', 'REGION', 'FEDERAL')),
      "region_id" int not null references "region" ("id") on delete cascade,
      "municipality_id" int null references "municipality" ("id") on delete cascade,
      "school_id" int null references "school" ("id") on delete cascade,
      "title" text not null,
      "participants" int not null default 0 constraint "support_event_participants_check" check ("participants" >= 0),
      "created_at" timestamptz not null default now(),
      constraint "support_event_organiser_check" check ("school_id" is null or "municipality_id" is not null))`);
    this.addSql(`create index "support_event_region_id_index" on "support_event" ("region_id")`);
    this.addSql(`create index "support_event_municipality_id_index" on "support_event" ("municipality_id")`);
    this.addSql(`create index "support_event_school_id_index" on "support_event" ("school_id")`);

    this.addSql(`create table "support_event_school" (
      "event_id" bigint not null references "support_event" ("id") on delete cascade,
      "school_id" int not null references "school" ("id") on delete cascade,
      primary key ("event_id", "school_id"))`);
    this.addSql(
      `create index "support_event_school_school_id_index" on "support_event_school" ("school_id")`,
    );

    // Counts, as vpr_result keeps them, so that shares pool.
    this.addSql(`create table "diagnostic" (
      "id" bigserial primary key,
      "school_id" int not null references "school" ("id") on delete cascade,
      "grade" smallint not null constraint "diagnostic_grade_check" check ("grade" between 1 and 11),
      "subject" text not null check ("subject" in ('RU', 'MA')),
      "stage" text not null check ("stage" in ('ENTRANCE', 'INTERMEDIATE', 'FINAL')),
      "date" date not null,
      "participants" int not null constraint "diagnostic_participants_check" check ("participants" >= 1),
      "n2" int not null,
      "n3" int not null,
      "n4" int not null,
      "n5" int not null,
      "created_at" timestamptz not null default now(),
      constraint "diagnostic_marks_check" check ("n2" >= 0 and "n3" >= 0 and "n4" >= 0 and "n5" >= 0),
      constraint "diagnostic_marks_sum_check" check ("n2" + "n3" + "n4" + "n5" = "participants"),
      constraint "diagnostic_school_id_grade_subject_stage_date_unique"
        unique ("school_id", "grade", "subject", "stage", "date"))`);

    this.addSql(`create table "activity_report" (
      "seq" bigserial primary key,
      "activity_id" bigint not null references "activity" ("id") on delete cascade,
      "school_id" int not null references "school" ("id") on delete cascade,
      "date" date not null,
      "status" text not null check ("status" in ('DONE', 'IN_PROGRESS', 'NOT_DONE')),
      "note" text null,
      "evidence_url" text null,
      "created_at" timestamptz not null default now(),
      constraint "activity_report_evidence_url_check" check (${EVIDENCE_URL}))`);
    this.addSql(`create index "activity_report_activity_id_index" on "activity_report" ("activity_id")`);
    this.addSql(`create index "activity_report_school_id_index" on "activity_report" ("school_id")`);

    this.addSql(`create table "best_practice" (
      "id" bigserial primary key,
      "title" text not null,
      "school_id" int not null references "school" ("id") on delete cascade,
      "risk_factor" smallint null,
      "text" text not null,
      "tags" text[] not null default '{}',
      "published" boolean not null default false,
      "created_at" timestamptz not null default now(),
      constraint "best_practice_risk_factor_check"
        check ("risk_factor" is null or ("risk_factor" >= 1 and "risk_factor" <= 10)))`);
    this.addSql(`create index "best_practice_school_id_index" on "best_practice" ("school_id")`);

    // The place of a row: consistent with the registry (inserts, and updates of the place).
    for (const [table, columns] of PLACES) {
      this.addSql(`create trigger "${table}_place_check"
        before insert or update of ${columns.map((c) => `"${c}"`).join(', ')} on "${table}"
        for each row execute function "support_place_check"(${columns.map((c) => `'${c}'`).join(', ')})`);
    }
    for (const table of APPEND_ONLY) {
      this.addSql(`create trigger "${table}_append_only" before update or delete on "${table}"
        for each row execute function "support_append_only"()`);
    }
  }

  override async down(): Promise<void> {
    for (const t of [
      'best_practice',
      'activity_report',
      'diagnostic',
      'support_event_school',
      'support_event',
      'measure',
      'document_status_record',
      'school_document',
      'partnership',
      'mmc_attachment',
      'mmc',
      'assignment',
      'working_group_member',
      'working_group',
      'activity_status_record',
      'activity',
      'roadmap',
      'support_order',
      'support_version',
    ]) {
      this.addSql(`drop table if exists "${t}" cascade`);
    }
    this.addSql(`drop function if exists "support_append_only"()`);
    this.addSql(`drop function if exists "support_place_check"()`);
    // btree_gist stays: an extension may serve others.
  }
}

/** Rows with a place of their own: the place columns, region first (support_place_check's arguments). */
const PLACES: [table: string, columns: string[]][] = [
  ['support_order', ['region_id', 'municipality_id']],
  ['roadmap', ['region_id', 'municipality_id', 'school_id']],
  ['working_group', ['region_id', 'municipality_id']],
  ['assignment', ['region_id', 'municipality_id', 'school_id']],
  ['mmc', ['region_id', 'host_municipality_id']],
  ['support_event', ['region_id', 'municipality_id', 'school_id']],
];

const APPEND_ONLY = ['activity_status_record', 'document_status_record', 'activity_report'];

/** schema/entities/support/evidence-url.ts as of this migration. */
const EVIDENCE_URL = `"evidence_url" is null or "evidence_url" ~* '^https?://[^\\s/?#]+([/?#]\\S*)?$'`;

/** schema/entities/support/measure.entity.ts MEASURE_TARGET_INDICATORS as of this migration. */
const TARGET_INDICATORS = [
  'EQ_PC_PER_100',
  'EQ_INTERNET_MBPS',
  'EQ_LIBRARY',
  'ST_VACANCY_RATE',
  'ST_NONSPECIALIST_SHARE',
  'ST_PENSION_AGE_SHARE',
  'TC_NO_TRAINING_3Y_SHARE',
  'TC_DIFFICULTY_SHARE',
  'AD_RARE_DIFFERENTIATION_SHARE',
  'AD_RARE_FORMATIVE_SHARE',
  'PD_NO_OBSERVATION_SHARE',
  'PD_NO_MENTORING',
  'SR_TERM_FAIL_SHARE',
  'SR_REPEATERS_SHARE',
  'LB_NON_NATIVE_SHARE',
  'LB_NO_SUPPORT',
  'EN_BULLYING_SHARE',
  'EN_DISLIKE_SCHOOL_SHARE',
  'PA_NEVER_MEETINGS_SHARE',
  'PA_NO_CONTACT_SHARE',
  'OV_SHARE',
  'OV_NO_SPECIALISTS',
  'SR_VPR_LOW',
  'DIAG_SHARE2_RU',
  'DIAG_SHARE2_MA',
]
  .map((code) => `'${code}'`)
  .join(', ');

/** A value as a SQL string literal's content. */
const json = (value: unknown) => JSON.stringify(value).replaceAll("'", "''");

/**
 * `support-v1` as shipped (analytics/support/params.ts SUPPORT_V1; paramsHash 4858c16c31a54254). A copy,
 * not an import: schema/ does not import analytics/ (README: Layout), and a migration stays as it ran.
 */
const SUPPORT_V1_AS_SHIPPED = {
  model: {
    chairsPerGroup: 1,
    secretariesPerGroupMax: 1,
    mmcPerMunicipalityMax: 1,
    diagnosticGradeMin: 1,
    diagnosticGradeMax: 11,
    diagnosticMinN: 1,
    eventMinParticipants: 0,
    evidenceUrlSchemes: ['http', 'https'],
  },
  deadlines: {
    yearSuffixes: ['года', 'год', 'гг.', 'гг', 'г.', 'г'],
    wholePeriodTexts: [
      'в течение всего периода',
      'в течение периода',
      'весь период',
      'постоянно',
      'ежемесячно',
      'ежеквартально',
      'еженедельно',
    ],
    noDueTexts: ['по отдельному плану', 'по плану', 'по графику', 'по мере необходимости'],
    periodYearTexts: ['в течение года'],
    schoolYearTexts: ['в течение учебного года'],
    schoolYearStartMonth: 9,
    dateBeforePrefixes: ['до', 'не позднее'],
  },
  import: {
    headerMarkers: {
      number: ['№'],
      deadline: ['срок'],
      executors: ['ответствен', 'исполнител'],
      title: ['наименование', 'мероприят', 'содержание'],
      result: ['результат'],
    },
    columnNumbersMin: 3,
    pageNumberMaxDigits: 4,
    activityNumberMaxDigits: 3,
    executorSeparators: [',', ';'],
    schoolExecutors: [
      'руководители оо',
      'руководитель оо',
      'оо',
      'общеобразовательные организации',
      'образовательные организации',
      'школы',
    ],
  },
  partners: {
    partnerRankMax: 0.25,
    partnerSwiMaxDistance: 0.5,
    partnerMax: 5,
  },
  monitoring: {
    diagSubjects: ['RU', 'MA'],
    diagStages: ['ENTRANCE', 'INTERMEDIATE'],
    minDiagN: 10,
    requiredDocuments: ['CONCEPT', 'MEDIUM_TERM_PROGRAMME', 'ANTI_RISK_PROGRAMME', 'FAILING_STUDENTS_PLAN'],
    lowIndexHorizon: 1,
  },
  did: {
    didControlRankMin: 0.75,
    didHorizon: 1,
    didZ: 1.96,
    didMinGroup: 3,
    didRootDigits: 50,
    didReportDecimals: 12,
  },
};
