import pg from 'pg';
import { mintToken } from '../api/auth/tokens.js';
import { startServer } from '../api/server.js';
import { loadConfig } from '../config/settings.js';
import { migrate } from '../schema/migrate.js';
import { loadSeed } from '../seeds/load.js';
import { serverUrl, withDatabase } from './support/databases.js';

/**
 * `npm run bench:practices`: the best-practice search (SUPPORT-V1 §1; api/services/support/
 * best-practices.service.ts) on 10 000 generated practices of the demo country's schools — p50/p95
 * of `bestPractices(search, first: 20) { totalCount nodes { … } }` over real HTTP as a SCHOOL viewer
 * (published practices plus its own unpublished ones), each answer checked against the rule
 * computed here in JS over every row (so the figures are of exact answers). A database of its own,
 * `shnor_bench_practices` on DATABASE_URL's server, created and dropped (BENCH_KEEP=1 keeps it).
 */
const PRACTICES = Number(process.env.BENCH_PRACTICES ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
const SECRET = 'bench-practices-secret-not-for-production-use';
const DATABASE = 'shnor_bench_practices';

/** mulberry32: the same practices every run. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = `работа с неуспевающими учениками учёба ребёнок отчёт мотивация математика русский язык
  наставничество наставник педагог учитель урок занятие контроль диагностика мониторинг входной
  промежуточный итоговый родители семья собрание классный руководитель методическое объединение
  семинар вебинар курсы повышение квалификации дефицит профессиональный рост взаимопосещение
  мастер-класс стажировка индивидуальный маршрут программа план дорожная карта школа ООО СОШ
  коллектив обучающийся класс параллель ВПР ОГЭ ЕГЭ результат анализ затруднение ошибка задание
  формирующее оценивание обратная связь дифференциация группа проект исследование чтение грамотность
  функциональная естественнонаучная читательская финансовая цифровая среда библиотека компьютер
  интернет ресурс площадка сетевое взаимодействие партнёр базовая школа ММЦ куратор координатор
  ёлка клуб кружок внеурочная деятельность олимпиада конкурс успех достижение портфолио самооценка
  рефлексия тьютор психолог логопед дефектолог адаптация благополучие климат буллинг профилактика`
  .split(/\s+/)
  .filter(Boolean);
const TAGS = [
  'наставничество',
  'Математика',
  'Русский язык',
  'ВПР',
  'родители',
  'мотивация',
  'ёлка',
  'педагоги',
  'диагностика',
  'ОГЭ',
  'функциональная грамотность',
  'Учёба',
];

const rand = random(20261202);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
/** A word as a writer might type it: sometimes capitalised, sometimes ё written as е or as Ё. */
function written(word: string): string {
  const r = rand();
  if (r < 0.1) return word.toUpperCase();
  if (r < 0.25) return word[0]!.toUpperCase() + word.slice(1);
  if (r < 0.35) return word.replaceAll('ё', 'е');
  return word;
}
const phrase = (n: number) => Array.from({ length: n }, () => written(pick(WORDS))).join(' ');

/** The rule (SUPPORT-V1 §1), independently: every word, lower case and ё = е, in title + text + tags. */
const norm = (s: string) => s.toLowerCase().replaceAll('ё', 'е');
interface Practice {
  id: string;
  schoolId: number;
  title: string;
  text: string;
  tags: string[];
  riskFactor: number | null;
  published: boolean;
}
function expected(
  all: Practice[],
  search: string,
  riskFactor: number | null,
  visible: (p: Practice) => boolean,
) {
  const words = search.split(/\s+/).filter(Boolean).map(norm);
  return all.filter(
    (p) =>
      visible(p) &&
      (riskFactor === null || p.riskFactor === riskFactor) &&
      words.every((w) => [p.title, p.text, ...p.tags].some((f) => norm(f).includes(w))),
  );
}

const SEARCHES: { search: string; riskFactor?: number }[] = [
  { search: 'отчёт' },
  { search: 'ОТЧЕТ' },
  { search: 'математика' },
  { search: 'наставничество' },
  { search: 'математика наставничество' },
  { search: 'ребёнок учёба мотивация' },
  { search: 'формирующее оценивание обратная связь' },
  { search: 'уникальнаяметодика' },
  { search: 'ма' },
  { search: 'жираф' },
  { search: 'мотивация', riskFactor: 3 },
];

const QUERY = `query ($search: String, $riskFactor: Int) { bestPractices(search: $search, riskFactor: $riskFactor, first: 20) {
  totalCount pageInfo { hasNextPage endCursor } nodes { id title schoolCode tags riskFactor published } } }`;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;

// the maintenance database of DATABASE_URL's server: where databases are created and dropped
const admin = new pg.Client({ connectionString: withDatabase(serverUrl(), 'postgres') });
await admin.connect();
await admin.query(`drop database if exists ${DATABASE} with (force)`);
await admin.query(`create database ${DATABASE}`);
const url = withDatabase(serverUrl(), DATABASE);
const pool = new pg.Pool({ connectionString: url, max: 2 });
let stop: (() => Promise<void>) | undefined;
try {
  const started = performance.now();
  await migrate(url);
  await loadSeed(pool, { scale: 'demo' });
  const schools = (await pool.query<{ id: number; code: string }>(`select id, code from school order by id`))
    .rows;
  const rows = Array.from({ length: PRACTICES }, (_, i) => ({
    schoolId: pick(schools).id,
    title: phrase(3 + Math.floor(rand() * 4)) + (i % 2000 === 7 ? ' УникальнаяМетодика' : ''),
    text: phrase(40 + Math.floor(rand() * 50)),
    tags: Array.from({ length: Math.floor(rand() * 4) }, () => pick(TAGS)),
    riskFactor: rand() < 0.6 ? 1 + Math.floor(rand() * 10) : null,
    published: rand() < 0.8,
  }));
  await pool.query(
    `insert into best_practice (school_id, title, text, tags, risk_factor, published)
     select x.school_id, x.title, x.text, array(select jsonb_array_elements_text(x.tags)), x.risk_factor, x.published
     from jsonb_to_recordset($1::jsonb) as x(school_id int, title text, text text, tags jsonb, risk_factor int, published boolean)`,
    [
      JSON.stringify(
        rows.map((r) => ({
          school_id: r.schoolId,
          title: r.title,
          text: r.text,
          tags: r.tags,
          risk_factor: r.riskFactor,
          published: r.published,
        })),
      ),
    ],
  );
  // as autovacuum leaves them: statistics, and the visibility map that lets postings be read from the index alone
  await pool.query('vacuum analyze best_practice, best_practice_token, best_practice_vocabulary');
  const all: Practice[] = (
    await pool.query<Practice>(
      `select id::text, school_id as "schoolId", title, text, tags, risk_factor as "riskFactor", published from best_practice order by best_practice.id`,
    )
  ).rows;
  const chars = all.reduce((n, p) => n + p.title.length + p.text.length + p.tags.join(' ').length, 0);
  console.log(
    `bench:practices: ${all.length} practices (${all.filter((p) => p.published).length} published, ` +
      `${Math.round(chars / all.length)} characters each on average), demo country; prepared in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  // The viewer: a SCHOOL with unpublished practices of its own.
  const own = all.find((p) => !p.published)!;
  const school = schools.find((s) => s.id === own.schoolId)!;
  const visible = (p: Practice) => p.published || p.schoolId === school.id;
  const config = loadConfig({
    NODE_ENV: 'production',
    AUTH_JWT_SECRET: SECRET,
    PORT: '0',
    RATE_LIMIT_PER_MINUTE: '0',
    EXPOSE_SQL_STATS: '0',
  });
  const server = await startServer(url, config);
  stop = () => server.close();
  const headers = {
    'content-type': 'application/json',
    authorization: `Bearer ${await mintToken(SECRET, { role: 'SCHOOL', school: school.code, sub: 'bench' })}`,
  };
  const ask = async (search: string, riskFactor: number | null) => {
    const t0 = performance.now();
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: QUERY, variables: { search, riskFactor } }),
    });
    const body = (await response.json()) as {
      data?: { bestPractices: { totalCount: number; nodes: { id: string }[] } };
      errors?: unknown[];
    };
    const ms = performance.now() - t0;
    if (body.errors || !body.data) throw new Error(`«${search}»: ${JSON.stringify(body.errors)}`);
    return { ms, answer: body.data.bestPractices };
  };

  const everything: number[] = [];
  const table: string[] = [];
  for (const { search, riskFactor = null } of SEARCHES) {
    const want = expected(all, search, riskFactor, visible);
    const first = await ask(search, riskFactor); // warm-up, and the exactness check
    if (
      first.answer.totalCount !== want.length ||
      JSON.stringify(first.answer.nodes.map((n) => n.id)) !==
        JSON.stringify(want.slice(0, 20).map((p) => p.id))
    ) {
      throw new Error(
        `«${search}»: the answer differs from the rule (${first.answer.totalCount} hits, rule ${want.length})`,
      );
    }
    const times: number[] = [];
    for (let i = 0; i < ROUNDS; i += 1) times.push((await ask(search, riskFactor)).ms);
    times.sort((a, b) => a - b);
    everything.push(...times);
    table.push(
      `| \`${search}\`${riskFactor === null ? '' : ` + riskFactor ${riskFactor}`} | ${want.length} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} |`,
    );
  }
  everything.sort((a, b) => a - b);
  const plan = (
    await pool.query<{ 'QUERY PLAN': string }>(
      `explain analyze with hits as materialized (select t.practice_id from best_practice_vocabulary v
         join best_practice_token t on t.token = v.token where v.token like '%' || support_search_normal('наставнич') || '%'
           and (t.published or t.school_id in (select s.id from school s where s.id = 1)))
       select count(distinct practice_id) from hits`,
    )
  ).rows.map((r) => r['QUERY PLAN']);
  console.log(`\n| search | hits (rule) | p50 ms | p95 ms |\n|---|---:|---:|---:|\n${table.join('\n')}`);
  console.log(
    `\nall ${everything.length} searches: p50 ${percentile(everything, 50).toFixed(1)} ms, p95 ${percentile(everything, 95).toFixed(1)} ms ` +
      `(target < 50 ms); every answer equal to the rule computed in JS`,
  );
  console.log(`\nplan of the count of a one-word search:\n  ${plan.join('\n  ')}`);
} finally {
  await stop?.();
  await pool.end();
  if (process.env.BENCH_KEEP !== '1') await admin.query(`drop database if exists ${DATABASE} with (force)`);
  await admin.end();
}
