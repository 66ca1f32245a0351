-- The floor for query-time work: lowIndex and lowRank (METHODOLOGY-V1 §1) of every school for
-- two years ($1 − 1 and $1), in one statement over the raw result rows, no pre-aggregation.
with vpr as (
  select school_id, year, sum(n2)::float8 / sum(participants) as share, sum(participants) as n
  from vpr_result
  where year in ($1 - 1, $1) and grade in (4, 5, 6, 7, 8) and subject in ('RU', 'MA', 'MAA')
  group by school_id, year
),
oge as (
  select school_id, year, sum(n2)::float8 / sum(participants) as share, sum(participants) as n
  from oge_result where year in ($1 - 1, $1) and subject in ('RU', 'MA') group by school_id, year
),
ege as (
  select school_id, year, sum(below_min)::float8 / sum(participants) as share, sum(participants) as n
  from ege_result where year in ($1 - 1, $1) and subject in ('RU', 'MAP', 'MAB') group by school_id, year
),
indexed as (
  select v.school_id, v.year, m.region_id,
    round(((0.5 * v.share
      + case when o.n >= 5 then 0.25 * o.share else 0 end
      + case when e.n >= 5 then 0.25 * e.share else 0 end)
      / (0.5 + case when o.n >= 5 then 0.25 else 0 end + case when e.n >= 5 then 0.25 else 0 end))::numeric, 12) as low_index
  from vpr v
  join school s on s.id = v.school_id
  join municipality m on m.id = s.municipality_id
  left join oge o on o.school_id = v.school_id and o.year = v.year
  left join ege e on e.school_id = v.school_id and e.year = v.year
  where v.n >= 20
)
select school_id, year, low_index, percent_rank() over (partition by region_id, year order by low_index) as low_rank
from indexed
