import { Migration } from '@mikro-orm/migrations';

/** The first data model: places, schools, ВПР/ОГЭ/ЕГЭ results, ЕГЭ minimums, indicators. */
export class Migration20261123000000Initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create type "subject" as enum ('RU', 'MA', 'MAA', 'MAP', 'MAB', 'OM', 'LR', 'LI', 'HI', 'SO', 'GE', 'BI', 'PH', 'CH', 'IN', 'EN', 'DE', 'FR')`,
    );
    this.addSql(`create type "ege_threshold_scale" as enum ('TEST_SCORE', 'MARK')`);
    this.addSql(
      `create type "school_type" as enum ('SOSH', 'OOSH', 'NOSH', 'GYMNASIUM', 'LYCEUM', 'BOARDING', 'EDUCATION_CENTER')`,
    );
    this.addSql(`create type "locality" as enum ('CITY', 'VILLAGE', 'URBAN_SETTLEMENT')`);
    this.addSql(
      `create table "ege_minimum" ("subject" "subject" not null, "year" smallint not null, "scale" "ege_threshold_scale" not null, "threshold" smallint not null, constraint "ege_minimum_pkey" primary key ("subject", "year"), constraint ege_minimum_threshold_check check (threshold >= 0))`,
    );
    this.addSql(
      `create table "region" ("id" serial primary key, "code" text not null, "name" text not null)`,
    );
    this.addSql(`alter table "region" add constraint "region_code_unique" unique ("code")`);
    this.addSql(`alter table "region" add constraint "region_name_unique" unique ("name")`);
    this.addSql(
      `create table "municipality" ("id" serial primary key, "region_id" int not null, "name" text not null)`,
    );
    this.addSql(`create index "municipality_region_id_index" on "municipality" ("region_id")`);
    this.addSql(
      `alter table "municipality" add constraint "municipality_region_id_name_unique" unique ("region_id", "name")`,
    );
    this.addSql(
      `create table "school" ("id" serial primary key, "code" text not null, "name" text not null, "municipality_id" int not null, "type" "school_type" not null, "locality" "locality" not null, "students" int not null, constraint school_students_check check (students >= 0))`,
    );
    this.addSql(`alter table "school" add constraint "school_code_unique" unique ("code")`);
    this.addSql(`create index "school_name_index" on "school" ("name")`);
    this.addSql(`create index "school_municipality_id_index" on "school" ("municipality_id")`);
    this.addSql(
      `create table "oge_result" ("school_id" int not null, "year" smallint not null, "subject" "subject" not null, "participants" int not null, "n2" int not null, "n3" int not null, "n4" int not null, "n5" int not null, "mean_primary" double precision null, constraint "oge_result_pkey" primary key ("school_id", "year", "subject"), constraint oge_result_mean_check check (mean_primary is null or mean_primary >= 0), constraint oge_result_marks_check check (n2 >= 0 and n3 >= 0 and n4 >= 0 and n5 >= 0), constraint oge_result_participants_check check (participants >= 1), constraint oge_result_marks_sum_check check (n2 + n3 + n4 + n5 = participants))`,
    );
    this.addSql(
      `create table "indicator_value" ("school_id" int not null, "year" smallint not null, "code" text not null, "value" double precision not null, constraint "indicator_value_pkey" primary key ("school_id", "year", "code"), constraint indicator_value_code_check check (code in ('EQ_PC_PER_100', 'EQ_INTERNET_MBPS', 'EQ_LIBRARY', 'ST_VACANCY_RATE', 'ST_NONSPECIALIST_SHARE', 'ST_PENSION_AGE_SHARE', 'TC_NO_TRAINING_3Y_SHARE', 'TC_DIFFICULTY_SHARE', 'AD_RARE_DIFFERENTIATION_SHARE', 'AD_RARE_FORMATIVE_SHARE', 'PD_NO_OBSERVATION_SHARE', 'PD_NO_MENTORING', 'SR_TERM_FAIL_SHARE', 'SR_REPEATERS_SHARE', 'LB_NON_NATIVE_SHARE', 'LB_NO_SUPPORT', 'EN_BULLYING_SHARE', 'EN_DISLIKE_SCHOOL_SHARE', 'PA_NEVER_MEETINGS_SHARE', 'PA_NO_CONTACT_SHARE', 'OV_SHARE', 'OV_NO_SPECIALISTS', 'CTX_HIGHER_ED_PARENTS_SHARE', 'CTX_SINGLE_PARENT_SHARE', 'CTX_WATCH_LIST_SHARE', 'CTX_UNEMPLOYED_PARENTS_SHARE', 'CTX_LOW_INCOME_SHARE', 'CTX_NON_NATIVE_SHARE', 'CTX_OVZ_SHARE')))`,
    );
    this.addSql(
      `create table "ege_result" ("school_id" int not null, "year" smallint not null, "subject" "subject" not null, "participants" int not null, "below_min" int not null, "mean_score" double precision null, constraint "ege_result_pkey" primary key ("school_id", "year", "subject"), constraint ege_result_mean_check check (mean_score is null or (mean_score >= 0 and mean_score <= 100)), constraint ege_result_below_min_check check (below_min >= 0 and below_min <= participants), constraint ege_result_participants_check check (participants >= 1))`,
    );
    this.addSql(
      `create table "vpr_result" ("school_id" int not null, "year" smallint not null, "grade" smallint not null, "subject" "subject" not null, "participants" int not null, "n2" int not null, "n3" int not null, "n4" int not null, "n5" int not null, "lowered" int null, "confirmed" int null, "raised" int null, "scores" integer[] null, "max_score" smallint null, constraint "vpr_result_pkey" primary key ("school_id", "year", "grade", "subject"), constraint vpr_result_scores_check check (scores is null or (max_score is not null and cardinality(scores) = max_score + 1)), constraint vpr_result_journal_check check ((lowered is null and confirmed is null and raised is null) or (lowered >= 0 and confirmed >= 0 and raised >= 0 and lowered + confirmed + raised <= participants)), constraint vpr_result_grade_check check (grade in (4, 5, 6, 7, 8, 10, 11)), constraint vpr_result_marks_check check (n2 >= 0 and n3 >= 0 and n4 >= 0 and n5 >= 0), constraint vpr_result_participants_check check (participants >= 1), constraint vpr_result_marks_sum_check check (n2 + n3 + n4 + n5 = participants))`,
    );
    this.addSql(
      `alter table "municipality" add constraint "municipality_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade on delete restrict`,
    );
    this.addSql(
      `alter table "school" add constraint "school_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete restrict`,
    );
    this.addSql(
      `alter table "oge_result" add constraint "oge_result_school_id_foreign" foreign key ("school_id") references "school" ("id") on update cascade on delete cascade`,
    );
    this.addSql(
      `alter table "indicator_value" add constraint "indicator_value_school_id_foreign" foreign key ("school_id") references "school" ("id") on update cascade on delete cascade`,
    );
    this.addSql(
      `alter table "ege_result" add constraint "ege_result_school_id_foreign" foreign key ("school_id") references "school" ("id") on update cascade on delete cascade`,
    );
    this.addSql(
      `alter table "vpr_result" add constraint "vpr_result_school_id_foreign" foreign key ("school_id") references "school" ("id") on update cascade on delete cascade`,
    );
  }

  override async down(): Promise<void> {
    for (const t of [
      'vpr_result',
      'ege_result',
      'oge_result',
      'indicator_value',
      'ege_minimum',
      'school',
      'municipality',
      'region',
    ]) {
      this.addSql(`drop table if exists "${t}" cascade`);
    }
    for (const t of ['subject', 'ege_threshold_scale', 'school_type', 'locality'])
      this.addSql(`drop type if exists "${t}"`);
  }
}
