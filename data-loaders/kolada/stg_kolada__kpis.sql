-- Kolada KPI metadata → stg_kolada__kpis. The unit is read from the title's unit suffix and the
-- underlying agency from the description's closing "Källa: …" sentence (NULL when none is named).
insert into stg_kolada__kpis
with
  pages as (
    select unnest("values") as k
    from read_json(
      $files,
      format = 'unstructured',  -- one JSON document per file (see stg_kolada__values.sql)
      columns = {
        "values": 'STRUCT(id VARCHAR, title VARCHAR, description VARCHAR, is_divided_by_gender BOOLEAN, municipality_type VARCHAR, auspice VARCHAR, operating_area VARCHAR, perspective VARCHAR, prel_publication_date VARCHAR, publication_date VARCHAR, publ_period VARCHAR, has_ou_data BOOLEAN)[]'
      }
    )
  ),
  renamed as (
    select
      k.id                   as kpi,
      k.title                as title,
      k.description          as description,
      lower(k.title)         as title_lc,
      k.is_divided_by_gender as is_divided_by_gender,
      k.municipality_type    as municipality_type,
      k.operating_area       as operating_area,
      k.perspective          as perspective,
      k.publication_date     as publication_date,
      k.publ_period          as publ_period,
      k.auspice              as auspice
    from pages
  ),
  with_unit as (
    -- First match wins: rates per N inhabitants before plain counts, "(%)" before everything.
    select
      *,
      case
        when regexp_matches(title_lc, '\(%\)')                    then 'percent'
        when regexp_matches(title_lc, '/\s*100 ?000')             then 'per_100000'
        when regexp_matches(title_lc, '/\s*10 000')               then 'per_10000'
        when regexp_matches(title_lc, '/\s*1000([^0-9]|$)')       then 'per_1000'
        when regexp_matches(title_lc, '\bkr\b')                   then 'sek'
        when regexp_matches(title_lc, '\bbalanstal\b')            then 'ratio'
        when regexp_matches(title_lc, '\bindex$')                 then 'index'
        when regexp_matches(title_lc, ',\s*dagar$')               then 'days'
        when regexp_matches(title_lc, '\bantal/inv')              then 'other'
        when regexp_matches(title_lc, '\bantal\b')                then 'count'
        else 'other'
      end as unit
    from renamed
  ),
  with_source as (
    -- The last "Källa" in the text (greedy prefix), followed by ":" or "." ("Källa. Skolverket.");
    -- a doubled "Källa: Källa:" and a trailing period or literal "\n" are dropped.
    select
      *,
      nullif(trim(regexp_extract(description, '(?s)^.*Källa[:.]?\s*(.*?)[.\s]*(\\n)*[.\s]*$', 1)), '') as source_agency
    from with_unit
  ),
  final as (
    select kpi, title, description, unit, source_agency, is_divided_by_gender, municipality_type,
           operating_area, perspective, publication_date, publ_period, auspice
    from with_source
  )
select * from final;
