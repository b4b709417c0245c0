/**
 * The generic SQL of the area indicators: shared indicator SQL, then the engine's steps from each
 * indicator's output (mart_area_source) to values, pooled comparators and comparisons. Named CTEs,
 * $params; table names are fixed, never interpolated.
 */

/**
 * Share of the population in some age groups (DeSO): the groups' sum over the 'total' row. The
 * table carries 'total' beside the groups, so the numerator sums only $groups, and only when every
 * one of them has a value.
 */
export const AGE_GROUP_SHARE_SQL = `
  with source as (
    select region_code, year, age_group, persons
    from stg_scb__deso_population_age
  ),
  per_deso as (
    select
      region_code,
      year,
      case when count(persons) filter (where list_contains($groups, age_group)) = len($groups)
        then sum(persons) filter (where list_contains($groups, age_group)) end as in_groups,
      sum(persons) filter (where age_group = $total) as total
    from source
    group by region_code, year
  ),
  final as (
    select region_code, year, in_groups as numerator, total as denominator
    from per_deso
  )
  select * from final
`;

/**
 * The engine's working tables (rebuilt on every run) and the suppression rule as two macros, used
 * alike for areas and pooled comparators: a value whose base is below min_base is withheld.
 */
export const CREATE_ENGINE_TABLES_SQL = `
  create or replace temp macro area_status(value_exact, base, min_base) as
    case
      when base is not null and base < min_base then 'suppressed'
      when value_exact is null then 'missing'
      else ''
    end;
  create or replace temp macro area_reason(status, base, base_unit, min_base, missing_reason) as
    case
      when status = 'suppressed' then format('base below {}: {} {}', min_base, cast(base as bigint), base_unit)
      when status = 'missing' then missing_reason
      else ''
    end;
  create or replace table mart_area_indicators (
    indicator_id VARCHAR NOT NULL PRIMARY KEY,
    ord INTEGER NOT NULL,
    kind VARCHAR NOT NULL,            -- ratio | level
    level VARCHAR NOT NULL,           -- regso | deso (published)
    source_level VARCHAR NOT NULL,    -- regso | deso (the indicator SQL's rows)
    scale DOUBLE,                     -- ratio: 100 for a share, 1 otherwise
    unit VARCHAR NOT NULL,
    decimals INTEGER NOT NULL,
    base_unit VARCHAR,                -- persons | dwellings | households; NULL = no base
    comparison_note VARCHAR           -- why comparators are absent, if they are
  );
  create or replace table mart_area_source (
    indicator_id VARCHAR NOT NULL,
    region_code VARCHAR NOT NULL,
    year INTEGER NOT NULL,
    numerator DOUBLE,
    denominator DOUBLE,
    value DOUBLE,
    base DOUBLE
  );
  create or replace table mart_area_groups (
    group_code VARCHAR NOT NULL,
    group_name VARCHAR NOT NULL,
    area_code VARCHAR NOT NULL
  );
`;

/** Append one ratio indicator's output (temp table area_indicator_output). */
export const INSERT_RATIO_SOURCE_SQL = `
  insert into mart_area_source
  select $indicator_id, region_code, year, numerator, denominator, null, null
  from area_indicator_output
`;

/** Append one level indicator's output (temp table area_indicator_output). */
export const INSERT_LEVEL_SOURCE_SQL = `
  insert into mart_area_source
  select $indicator_id, region_code, year, null, null, value, base
  from area_indicator_output
`;

/**
 * Values per area, year and indicator, at the published level. DeSO counts are summed to their
 * RegSO (stg_areas.parent_code); every area of the level gets a row for every year of the series,
 * so an absent or incomplete area shows as 'missing' rather than vanishing. A value whose base is
 * below $min_base is withheld ('suppressed'); the exact value stays in value_exact for checks only.
 */
export const VALUES_SQL = `
  create or replace table mart_area_values as
  with indicators as (
    select * from mart_area_indicators
  ),
  source as (
    select * from mart_area_source
  ),
  areas as (
    select area_code, level, parent_code
    from stg_areas
    where level in ('regso', 'deso')
  ),
  -- A year belongs to a series when at least one area has a value in it.
  years as (
    select indicator_id, year
    from source
    group by indicator_id, year
    having count(coalesce(value, numerator + denominator)) > 0
  ),
  direct as (
    select s.indicator_id, s.region_code as area_code, s.year, s.numerator, s.denominator, s.value, s.base
    from source s
    join indicators i on i.indicator_id = s.indicator_id
    where i.source_level = i.level
  ),
  -- One DeSO without its count makes the RegSO missing: never a partial sum.
  deso_to_regso as (
    select
      i.indicator_id,
      d.parent_code as area_code,
      y.year,
      case when count(s.numerator) = count(*) then sum(s.numerator) end as numerator,
      case when count(s.denominator) = count(*) then sum(s.denominator) end as denominator,
      cast(null as double) as value,
      cast(null as double) as base
    from indicators i
    join years y on y.indicator_id = i.indicator_id
    join areas d on d.level = 'deso'
    left join source s on s.indicator_id = i.indicator_id and s.region_code = d.area_code and s.year = y.year
    where i.source_level = 'deso' and i.level = 'regso'
    group by i.indicator_id, d.parent_code, y.year
  ),
  computed as (
    select * from direct
    union all
    select * from deso_to_regso
  ),
  grid as (
    select i.indicator_id, a.area_code, i.level as area_level, y.year, i.kind, i.scale, i.decimals, i.base_unit
    from indicators i
    join years y on y.indicator_id = i.indicator_id
    join areas a on a.level = i.level
  ),
  measured as (
    select
      g.*,
      c.numerator,
      c.denominator,
      case when g.kind = 'ratio' then g.scale * c.numerator / nullif(c.denominator, 0) else c.value end as value_exact,
      case when g.kind = 'ratio' then c.denominator else c.base end as base
    from grid g
    left join computed c on c.indicator_id = g.indicator_id and c.area_code = g.area_code and c.year = g.year
  ),
  final as (
    select *, area_status(value_exact, base, $min_base) as status
    from measured
  )
  select
    indicator_id, area_code, area_level, year, numerator, denominator, base, base_unit, value_exact,
    case when status = '' then round(value_exact, decimals) end as value,
    status,
    area_reason(status, base, base_unit, $min_base, 'no value in the source') as reason
  from final
`;

/**
 * Every area the published files name: the county, its municipalities (those with RegSO), RegSO and
 * DeSO. Municipality and county names come from stg_areas when the Kolada staging put them there;
 * otherwise from SCB's own naming: every RegSO name starts with its municipality ("Jönköping (Råslätt)"),
 * and the county is named by $county_name when it is $county_code.
 */
export const AREA_LIST_SQL = `
  create or replace table mart_area_list as
  with regso as (
    select * from stg_areas where level = 'regso'
  ),
  deso as (
    select * from stg_areas where level = 'deso'
  ),
  counties as (
    select
      r.county_code as area_code,
      coalesce(any_value(c.short_name), case when r.county_code = $county_code then $county_name else 'Län ' || r.county_code end) as name,
      'county' as level,
      cast(null as varchar) as parent_code,
      cast(null as varchar) as municipality_code,
      r.county_code,
      cast(null as integer) as area_type
    from regso r
    left join stg_areas c on c.level = 'county' and c.area_code = r.county_code
    group by r.county_code
  ),
  municipalities as (
    select
      r.municipality_code as area_code,
      coalesce(any_value(m.short_name), any_value(split_part(r.name, ' (', 1))) as name,
      'municipality' as level,
      any_value(r.county_code) as parent_code,
      r.municipality_code,
      any_value(r.county_code) as county_code,
      cast(null as integer) as area_type
    from regso r
    left join stg_areas m on m.level = 'municipality' and m.area_code = r.municipality_code
    group by r.municipality_code
  ),
  small_areas as (
    select area_code, name, short_name, level, parent_code, municipality_code, county_code, area_type from regso
    union all
    select area_code, name, short_name, level, parent_code, municipality_code, county_code, area_type from deso
  )
  select area_code, name, name as short_name, level, parent_code, municipality_code, county_code, area_type from counties
  union all
  select area_code, name, name as short_name, level, parent_code, municipality_code, county_code, area_type from municipalities
  union all
  select * from small_areas
`;

/**
 * Pooled comparators for ratio indicators at RegSO level: the same ratio of counts summed over the
 * municipality's RegSO, the county's RegSO, the county's RegSO of one area type, and each
 * neighbourhood group (the area-type pool here holds every RegSO of the type: a description of the type, not an
 * area's comparator, which leaves the area out, see COMPARISONS_SQL). Suppressed areas' counts are included (they are small, not wrong); an area
 * without counts makes the pool missing. The same suppression rule applies to the pooled base.
 */
export const AGGREGATES_SQL = `
  create or replace table mart_area_aggregates as
  with indicators as (
    select * from mart_area_indicators
    where kind = 'ratio' and level = 'regso'
  ),
  regso as (
    select area_code, municipality_code, county_code, area_type
    from mart_area_list
    where level = 'regso'
  ),
  vals as (
    select v.indicator_id, v.year, v.area_code, v.numerator, v.denominator, r.municipality_code, r.county_code, r.area_type
    from mart_area_values v
    join indicators i on i.indicator_id = v.indicator_id
    join regso r on r.area_code = v.area_code
  ),
  members as (
    select indicator_id, year, 'municipality' as kind, municipality_code as code, county_code, numerator, denominator from vals
    union all
    select indicator_id, year, 'county', county_code, county_code, numerator, denominator from vals
    union all
    select indicator_id, year, 'area_type', cast(area_type as varchar), county_code, numerator, denominator
    from vals where area_type is not null
    union all
    select v.indicator_id, v.year, 'group', g.group_code, v.county_code, v.numerator, v.denominator
    from vals v join mart_area_groups g on g.area_code = v.area_code
  ),
  pooled as (
    select
      indicator_id, year, kind, code, county_code,
      cast(count(*) as integer) as n_areas,
      case when count(numerator) = count(*) then sum(numerator) end as numerator,
      case when count(denominator) = count(*) then sum(denominator) end as denominator
    from members
    group by indicator_id, year, kind, code, county_code
  ),
  named as (
    select
      p.*,
      case p.kind
        when 'area_type' then 'Områdestyp ' || p.code
        when 'group' then g.group_name
        else l.name
      end as name
    from pooled p
    left join mart_area_list l on p.kind in ('municipality', 'county') and l.level = p.kind and l.area_code = p.code
    left join (select distinct group_code, group_name from mart_area_groups) g on p.kind = 'group' and g.group_code = p.code
  ),
  measured as (
    select
      n.*,
      i.decimals,
      i.base_unit,
      i.scale * n.numerator / nullif(n.denominator, 0) as value_exact,
      n.denominator as base
    from named n
    join indicators i on i.indicator_id = n.indicator_id
  ),
  final as (
    select *, area_status(value_exact, base, $min_base) as status
    from measured
  )
  select
    indicator_id, year, kind, code, county_code, name, n_areas, numerator, denominator, base, value_exact,
    case when status = '' then round(value_exact, decimals) end as value,
    status,
    area_reason(status, base, base_unit, $min_base, 'not every area of the pool has a value') as reason
  from final
`;

/**
 * Each area against its municipality, its county and its area type, its change from the first to
 * the latest year of the series, and its rank among the county's areas of the same level
 * (1 = highest value; no normative direction). The same-type comparator pools the OTHER RegSO of
 * the area's type in the county: an area is never part of its own comparator. Differences and
 * changes are taken between the published (rounded) values, so they add up in a spreadsheet.
 */
export const COMPARISONS_SQL = `
  create or replace table mart_area_comparisons as
  with indicators as (
    select * from mart_area_indicators
  ),
  areas as (
    select area_code, name, municipality_code, county_code, area_type
    from mart_area_list
  ),
  aggregates as (
    select * from mart_area_aggregates
  ),
  regso_counts as (
    select v.indicator_id, v.year, v.area_code, a.county_code, a.area_type, v.numerator, v.denominator
    from mart_area_values v
    join areas a on a.area_code = v.area_code
    join indicators i on i.indicator_id = v.indicator_id
    where i.kind = 'ratio' and i.level = 'regso' and v.area_level = 'regso' and a.area_type is not null
  ),
  -- The other RegSO of the same type in the same county; one of them without counts makes the pool missing.
  same_type_others as (
    select
      s.indicator_id, s.year, s.area_code,
      cast(count(*) as integer) as n_areas,
      case when count(o.numerator) = count(*) then sum(o.numerator) end as numerator,
      case when count(o.denominator) = count(*) then sum(o.denominator) end as denominator
    from regso_counts s
    join regso_counts o
      on o.indicator_id = s.indicator_id and o.year = s.year and o.county_code = s.county_code
     and o.area_type = s.area_type and o.area_code <> s.area_code
    group by s.indicator_id, s.year, s.area_code
  ),
  same_type as (
    select
      t.indicator_id, t.year, t.area_code, t.n_areas,
      case when area_status(i.scale * t.numerator / nullif(t.denominator, 0), t.denominator, $min_base) = ''
        then round(i.scale * t.numerator / nullif(t.denominator, 0), i.decimals) end as value
    from same_type_others t
    join indicators i on i.indicator_id = t.indicator_id
  ),
  vals as (
    select v.*, a.name as area_name, a.municipality_code, a.county_code, a.area_type, i.decimals, i.ord, i.comparison_note
    from mart_area_values v
    join areas a on a.area_code = v.area_code
    join indicators i on i.indicator_id = v.indicator_id
  ),
  compared as (
    select
      v.*,
      m.value as municipality_value,
      c.value as county_value,
      t.value as same_type_value,
      t.n_areas as same_type_n
    from vals v
    left join aggregates m
      on m.indicator_id = v.indicator_id and m.year = v.year and m.kind = 'municipality' and m.code = v.municipality_code
    left join aggregates c
      on c.indicator_id = v.indicator_id and c.year = v.year and c.kind = 'county' and c.code = v.county_code
    left join same_type t
      on t.indicator_id = v.indicator_id and t.year = v.year and t.area_code = v.area_code
  ),
  ranked as (
    select
      *,
      case when value is not null then
        cast(rank() over (partition by indicator_id, year, county_code, area_level order by value desc nulls last) as integer)
      end as rank,
      cast(count(value) over (partition by indicator_id, year, county_code, area_level) as integer) as rank_of
    from compared
  ),
  series as (
    select indicator_id, min(year) as first_year, max(year) as latest_year
    from mart_area_values
    group by indicator_id
  ),
  final as (
    select
      r.*,
      case when r.year = s.latest_year and s.first_year < s.latest_year then s.first_year end as change_from_year,
      case when r.year = s.latest_year and s.first_year < s.latest_year then round(r.value - f.value, r.decimals) end as change
    from ranked r
    join series s on s.indicator_id = r.indicator_id
    left join mart_area_values f on f.indicator_id = r.indicator_id and f.area_code = r.area_code and f.year = s.first_year
  )
  select
    indicator_id, ord, area_code, area_name, area_level, municipality_code, county_code, area_type, year,
    value, municipality_value, county_value, same_type_value, same_type_n,
    round(value - municipality_value, decimals) as diff_municipality,
    round(value - county_value, decimals) as diff_county,
    round(value - same_type_value, decimals) as diff_same_type,
    change_from_year, change, rank, rank_of, base, base_unit, status, reason, comparison_note
  from final
`;
