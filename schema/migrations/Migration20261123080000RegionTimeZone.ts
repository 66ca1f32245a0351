import { Migration } from '@mikro-orm/migrations';

/**
 * Each region's IANA time zone (issue 10): exports show dates (decisions, approvals) as the
 * region's clock shows them, not UTC. Existing databases get the real zones of the субъекты whose
 * clocks differ from Moscow's; the seeds write the same values (schema/regions.ts). A migration
 * keeps its own copy: it is history and must not change when the seed data does.
 */
const NOT_MOSCOW: readonly (readonly [code: string, zone: string])[] = [
  ['02', 'Asia/Yekaterinburg'],
  ['03', 'Asia/Irkutsk'],
  ['04', 'Asia/Barnaul'],
  ['14', 'Asia/Yakutsk'],
  ['17', 'Asia/Krasnoyarsk'],
  ['18', 'Europe/Samara'],
  ['19', 'Asia/Krasnoyarsk'],
  ['22', 'Asia/Barnaul'],
  ['24', 'Asia/Krasnoyarsk'],
  ['25', 'Asia/Vladivostok'],
  ['27', 'Asia/Vladivostok'],
  ['28', 'Asia/Yakutsk'],
  ['30', 'Europe/Astrakhan'],
  ['34', 'Europe/Volgograd'],
  ['38', 'Asia/Irkutsk'],
  ['39', 'Europe/Kaliningrad'],
  ['41', 'Asia/Kamchatka'],
  ['42', 'Asia/Novokuznetsk'],
  ['43', 'Europe/Kirov'],
  ['45', 'Asia/Yekaterinburg'],
  ['49', 'Asia/Magadan'],
  ['54', 'Asia/Novosibirsk'],
  ['55', 'Asia/Omsk'],
  ['56', 'Asia/Yekaterinburg'],
  ['59', 'Asia/Yekaterinburg'],
  ['63', 'Europe/Samara'],
  ['64', 'Europe/Saratov'],
  ['65', 'Asia/Sakhalin'],
  ['66', 'Asia/Yekaterinburg'],
  ['70', 'Asia/Tomsk'],
  ['72', 'Asia/Yekaterinburg'],
  ['73', 'Europe/Ulyanovsk'],
  ['74', 'Asia/Yekaterinburg'],
  ['75', 'Asia/Chita'],
  ['79', 'Asia/Vladivostok'],
  ['86', 'Asia/Yekaterinburg'],
  ['87', 'Asia/Anadyr'],
  ['89', 'Asia/Yekaterinburg'],
  ['91', 'Europe/Simferopol'],
  ['92', 'Europe/Simferopol'],
];

export class Migration20261123080000RegionTimeZone extends Migration {
  override async up(): Promise<void> {
    // Moscow time is the default: most субъекты, and every region an import creates, keep it.
    this.addSql(`alter table "region" add column "time_zone" text not null default 'Europe/Moscow'`);
    const values = NOT_MOSCOW.map(([code, zone]) => `('${code}', '${zone}')`).join(', ');
    this.addSql(
      `update "region" set "time_zone" = v.zone from (values ${values}) as v(code, zone) where "region"."code" = v.code`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "region" drop column if exists "time_zone"`);
  }
}
