/**
 * Publish the neighbourhood files into `<outDir>/areas/` (a temporary directory the orchestrator
 * renames into place): tidy CSV + Parquet per area indicator, comparisons.csv, omradesgrupper.csv
 * (+ .excel.csv) and catalogue.json, from the mart_area_* tables the pipeline's compute stage built
 * (computeAreas); publish only reads them and writes files. The map shapes are written by boundaries.ts.
 */
import {mkdir} from "node:fs/promises";
import {join} from "node:path";
import type {DuckDBConnection} from "@duckdb/node-api";
import {z} from "zod";
import {TIDY_COLUMNS, TidyRow} from "../../indicators/published.js";
import {areasComputeReport, type AreaIndicatorResult} from "../../indicators/omraden/compute.js";
import {SUPPRESSION_MIN_BASE, type AreaIndicator} from "../../indicators/omraden/define.js";
import {AREA_INDICATORS} from "../../indicators/omraden/index.js";
import {
  AREA_TABLES, AREA_TYPES, OMRADESGRUPPER, diffUnitLabelSv, unitLabelSv, type OmradesgruppSet
} from "../../indicators/omraden/meta.js";
import {insertRows, query} from "../lib/duckdb.js";
import {CheckError} from "../lib/errors.js";
import {log} from "../lib/log.js";
import {
  AreasCatalogue, AreasCatalogueArea, COMPARISON_COLUMNS, ComparisonRow, OMRADESGRUPP_COLUMNS, OmradesgruppRow, type AreaSource
} from "./areas-contract.js";
import {formatCsv, formatExcelCsv, writeText, type Row} from "./areas-files.js";
import {copyParquetInOrder} from "./partitioned.js";
import {buildOmradesgruppRows} from "./areas-omradesgrupper.js";
import {areaSourceLabel, loadSources, publishedRef} from "./areas-sources.js";
import {BOUNDARIES_TEXT} from "./boundaries.js";

export interface AreasPublishOptions {
  outDir: string;
  generatedAt: string;
  /** Defaults: every area indicator; Jönköping's Områdesgrupper (tests pass fixtures). */
  indicators?: readonly AreaIndicator[];
  groups?: OmradesgruppSet;
}

export interface AreasPublishReport {
  /** Files written, relative to outDir. */
  files: string[];
  indicators: AreaIndicatorResult[];
  comparisons: number;
  omradesgrupper_rows: number;
  suppressed: number;
  missing: number;
}

/** Tidy rows of every area indicator in publish order, or of one ($id): the CSVs' query and each Parquet file's COPY. */
const tidySql = (one: boolean) => `
  with params as (
    select * from tmp_publish_area_params
  ),
  final as (
    select
      v.indicator_id, v.area_code, a.name as area_name, v.area_level, v.year,
      'T' as sex, p."group", v.value, p.unit, v.status, p.source, p.retrieved,
      p.position
    from mart_area_values v
    join params p using (indicator_id)
    join mart_area_list a on a.area_code = v.area_code${one ? "\n    where v.indicator_id = $id" : ""}
  )
  select * exclude (position) from final order by position, area_code, year
`;

/** Write every neighbourhood file from the computed area marts (computeAreas ran first); returns what came out. */
export async function publishAreas(conn: DuckDBConnection, opts: AreasPublishOptions): Promise<AreasPublishReport> {
  const indicators = opts.indicators ?? AREA_INDICATORS;
  const groups = opts.groups ?? OMRADESGRUPPER;
  const computed = await areasComputeReport(conn, indicators);
  const sources = await loadSources(conn, indicators);

  // Build every file's content first; write only when all of it passed.
  const out = new Map<string, string>();
  const params = indicators.map((ind, position) => {
    const refs = ind.inputs.map((i) => sources.get(i.slice("scb:".length))!);
    return {
      indicator_id: ind.id,
      position,
      group: ind.group,
      unit: ind.unit,
      source: areaSourceLabel(ind, refs),
      retrieved: refs.map((r) => r.retrieved).sort().at(-1)!,
      refs
    };
  });
  await conn.run(`create or replace temp table tmp_publish_area_params (indicator_id varchar, position integer, "group" varchar, unit varchar, source varchar, retrieved varchar)`);
  await insertRows(
    conn,
    "tmp_publish_area_params",
    [["indicator_id", "VARCHAR"], ["position", "INTEGER"], ["group", "VARCHAR"], ["unit", "VARCHAR"], ["source", "VARCHAR"], ["retrieved", "VARCHAR"]],
    params.map(({refs: _refs, ...p}) => p)
  );
  const byIndicator = new Map<string, TidyRow[]>();
  for (const r of z.array(TidyRow).parse(await query(conn, tidySql(false)))) {
    const list = byIndicator.get(r.indicator_id);
    if (list) list.push(r);
    else byIndicator.set(r.indicator_id, [r]);
  }
  const catalogueIndicators = [];
  for (const [i, ind] of indicators.entries()) {
    const rows = byIndicator.get(ind.id) ?? [];  // an indicator without rows is refused below
    out.set(`areas/${ind.id}.csv`, formatCsv(rows, TIDY_COLUMNS));
    catalogueIndicators.push(catalogueIndicator(ind, params[i]!.refs, [...new Set(rows.map((r) => r.year))].sort()));
  }

  const comparisons = await comparisonRows(conn);
  out.set("areas/comparisons.csv", formatCsv(comparisons, COMPARISON_COLUMNS));

  const ogRows = z.array(OmradesgruppRow).parse(await buildOmradesgruppRows(conn, indicators, groups, sources));
  const keys = OMRADESGRUPP_COLUMNS.map(([k]) => k);
  const headers = OMRADESGRUPP_COLUMNS.map(([, h]) => h);
  out.set("areas/omradesgrupper.csv", formatCsv(ogRows, keys, headers));
  out.set("areas/omradesgrupper.excel.csv", formatExcelCsv(ogRows, keys, headers));

  const catalogue = AreasCatalogue.parse({
    generated_at: opts.generatedAt,
    indicators: catalogueIndicators,
    areas: await areaList(conn),
    area_types: await areaTypes(conn, sources),
    omradesgrupper: await groupList(conn, groups),
    sources: [...sources.values()].map(publishedRef),
    suppression: {
      min_base: SUPPRESSION_MIN_BASE,
      rule_sv: `Ett värde vars underlag (de personer, lägenheter eller hushåll det är en andel av; för medianen de personer den avser) är mindre än ${SUPPRESSION_MIN_BASE} visas inte: värdet är tomt, status 'suppressed' och skälet anges. Under den gränsen flyttar en enda person andelen mer än två procentenheter. Antalen är öppna SCB-data: regeln skyddar mot överläsning av osäkra värden, inte mot röjande. Samma regel gäller sammanvägda värden.`,
      rule_en: `A value whose base (the persons, dwellings or households it is a share of; for the median, the persons it is taken over) is below ${SUPPRESSION_MIN_BASE} is not shown: the value is empty, status 'suppressed' and the reason is given. Below that, one person moves a share by more than two percentage points. The counts are public SCB open data: the rule guards against over-reading unstable values, not against disclosure. The same rule applies to pooled values.`
    },
    comparisons: COMPARISON_TEXTS,
    boundaries: BOUNDARIES_TEXT,
    files: {
      comparisons: "areas/comparisons.csv",
      omradesgrupper: "areas/omradesgrupper.csv",
      omradesgrupper_excel: "areas/omradesgrupper.excel.csv",
      catalogue: "areas/catalogue.json"
    }
  });
  out.set("areas/catalogue.json", JSON.stringify(catalogue, null, 2) + "\n");

  const empty = indicators.filter((ind) => !byIndicator.has(ind.id));
  if (empty.length) throw new CheckError(empty.map((ind) => `areas: ${ind.id} has no rows (an area indicator without rows writes no file)`));
  await mkdir(join(opts.outDir, "areas"), {recursive: true});
  // One partitioned COPY; a file it wrote out of order (duckdb/duckdb#14349) is written again alone.
  const parquet = "format parquet, compression zstd";
  const target = (id: string) => join(opts.outDir, "areas", `${id}.parquet`);
  const partitionProblems = await copyParquetInOrder(
    conn,
    join(opts.outDir, "areas", ".parts"),
    {select: `select *, indicator_id as _id from (${tidySql(false)})`, options: parquet, targets: new Map(indicators.map((ind) => [ind.id, target(ind.id)]))},
    {key: "(area_code, year)"},
    (ids) => ids.map((id) => ({select: tidySql(true), params: {id}, options: parquet, target: target(id)}))
  );
  if (partitionProblems.length) throw new CheckError(partitionProblems.map((p) => `areas: ${p}`));
  for (const [rel, content] of out) await writeText(join(opts.outDir, rel), content);

  const report: AreasPublishReport = {
    files: [...indicators.map((ind) => `areas/${ind.id}.parquet`), ...out.keys()],
    indicators: computed.indicators,
    comparisons: comparisons.length,
    omradesgrupper_rows: ogRows.length,
    suppressed: computed.indicators.reduce((n, i) => n + i.suppressed, 0),
    missing: computed.indicators.reduce((n, i) => n + i.missing, 0)
  };
  log(
    `areas: ${indicators.length} indicators, ${report.files.length} files, ${report.comparisons} comparison rows, ` +
      `${report.suppressed} suppressed and ${report.missing} missing values`
  );
  return report;
}

/** How the comparisons are defined (catalogue text). */
const COMPARISON_TEXTS = {
  municipality: {
    sv: "Kommunens värde är samma kvot beräknad ur samma tabellers antal summerade över kommunens alla RegSO (inte Koladas kommunvärde).",
    en: "The municipal value is the same ratio computed from the same tables' counts summed over all the municipality's RegSO (not Kolada's municipal value)."
  },
  county: {
    sv: "Länets värde är samma kvot ur antal summerade över länets alla RegSO.",
    en: "The county value is the same ratio from counts summed over all the county's RegSO."
  },
  area_type: {
    sv: "Samma områdestyp: den sammanvägda kvoten (summan av täljarna delad med summan av nämnarna) för länets övriga RegSO av samma områdestyp – området självt ingår inte i sin egen jämförelse; inte ett medelvärde av områdenas andelar. same_type_n är antalet RegSO i jämförelsen; vilka de är framgår av områdestypen per RegSO i areas/catalogue.json.",
    en: "Same area type: the pooled ratio (sum of numerators over sum of denominators) of the county's other RegSO of the same area type – the area itself is left out of its own comparator; not a mean of the areas' shares. same_type_n is the number of RegSO pooled; which they are follows from each RegSO's area type in areas/catalogue.json."
  },
  change: {
    sv: "Förändring = värdet senaste året minus värdet första året i serien (2020–2023 för RegSO-tabellerna), i procentenheter för andelar; bara på raden för senaste året. Skillnader och förändringar räknas på de publicerade, avrundade värdena.",
    en: "Change = the latest year's value minus the series' first year's value (2020–2023 for the RegSO tables), in percentage points for shares; on the latest year's row only. Differences and changes are taken between the published, rounded values."
  },
  rank: {
    sv: "Rang bland länets områden på samma nivå (RegSO eller DeSO) samma år: 1 = högst värde, lika värden delar rang. Rangen säger inget om bättre eller sämre; de flesta av måtten har ingen normativ riktning. Undertryckta och saknade värden rangordnas inte.",
    en: "Rank among the county's areas of the same level (RegSO or DeSO) in the same year: 1 = highest value, ties share a rank. The rank says nothing about better or worse; most of these measures have no normative direction. Suppressed and missing values are not ranked."
  },
  means_and_medians: {
    sv: "Medelvärden utan befolkningsbas (löneinkomst per RegSO) och medianer (inkomst per DeSO) summeras eller medelvärdesbildas aldrig över områden: de jämförs bara med värde och rang.",
    en: "Means without a population base (wage income per RegSO) and medians (income per DeSO) are never summed or averaged across areas: they are compared by value and rank only."
  }
};

function catalogueIndicator(ind: AreaIndicator, refs: AreaSource[], years: number[]) {
  const ratio = ind.kind === "ratio";
  return {
    id: ind.id,
    goal_area: ind.goal_area,
    level: ind.level,
    kind: ind.kind,
    statistic: ratio ? ("ratio" as const) : ind.statistic,
    summed_from_deso: ratio && ind.source_level === "deso" && ind.level === "regso",
    title_sv: ind.title_sv,
    title_en: ind.title_en,
    description_sv: ind.description_sv,
    description_en: ind.description_en,
    unit: ind.unit,
    unit_label_sv: unitLabelSv(ind),
    diff_unit_label_sv: diffUnitLabelSv(ind),
    decimals: ind.decimals,
    direction: ind.direction,
    group: ind.group,
    numerator: ratio ? ind.numerator : null,
    denominator: ratio ? ind.denominator : null,
    base_unit: ind.base_unit,
    no_base_reason: ratio ? null : ind.no_base_reason,
    comparators: ratio ? (["municipality", "county", "area_type", "rank", "change"] as const) : (["rank", "change"] as const),
    caveats: ind.caveats,
    inputs: ind.inputs,
    sources: refs.map(publishedRef),
    years,
    files: {csv: `areas/${ind.id}.csv`, parquet: `areas/${ind.id}.parquet`}
  };
}

/** comparisons.csv rows from mart_area_comparisons. */
async function comparisonRows(conn: DuckDBConnection): Promise<ComparisonRow[]> {
  const rows = await query(
    conn,
    `with comparisons as (
       select * from mart_area_comparisons
     ),
     indicators as (
       select indicator_id, unit from mart_area_indicators
     ),
     final as (
       select
         c.ord, c.indicator_id, c.area_code, c.area_name, c.area_level, c.municipality_code, c.area_type, c.year, i.unit,
         c.value, c.municipality_value, c.county_value, c.same_type_value, c.same_type_n,
         c.diff_municipality, c.diff_county, c.diff_same_type, c.change_from_year, c.change,
         c.rank, c.rank_of, c.base, coalesce(c.base_unit, '') as base_unit, c.status,
         c.status = 'suppressed' as suppressed, c.reason, coalesce(c.comparison_note, '') as note
       from comparisons c
       join indicators i on i.indicator_id = c.indicator_id
     )
     select * exclude (ord) from final
     order by ord, area_level desc, area_code, year`
  );
  return z.array(ComparisonRow).parse(rows);
}

/** The areas the files name: county, municipalities, RegSO (with area type) and DeSO. */
async function areaList(conn: DuckDBConnection): Promise<AreasCatalogueArea[]> {
  const rows = await query(
    conn,
    `select area_code as code, name, short_name, level, parent_code, area_type, municipality_code
     from mart_area_list
     order by case level when 'county' then 0 when 'municipality' then 1 when 'regso' then 2 else 3 end, area_code`
  );
  return z.array(AreasCatalogueArea).parse(rows);
}

/** The area types with their year (the områdestyp table's latest year) and count in the county. */
async function areaTypes(conn: DuckDBConnection, sources: Map<string, AreaSource>) {
  const [y] = await query<{year: number | null}>(
    conn,
    `select max(year) as year from stg_scb__regso_area_type where area_type is not null`
  );
  const counts = await query<{area_type: number; n: number}>(
    conn,
    `select area_type, cast(count(*) as integer) as n from mart_area_list where level = 'regso' and area_type is not null group by 1`
  );
  const n = new Map(counts.map((c) => [c.area_type, c.n]));
  const src = sources.get("regso_area_type")!;
  return {
    year: y?.year ?? null,
    source: `${src.title} (${src.code ?? "SCB:s tabell-id okänt här"}; SCB och Delegationen mot segregation)`,
    types: AREA_TYPES.map((t) => ({...t, regso_in_county: n.get(t.type) ?? 0}))
  };
}

/** The neighbourhood groups with their RegSO's names and area types. */
async function groupList(conn: DuckDBConnection, set: OmradesgruppSet) {
  const areas = new Map(
    (await query<{code: string; name: string; area_type: number | null}>(
      conn,
      `select area_code as code, name, area_type from mart_area_list where level = 'regso'`
    )).map((a) => [a.code, a])
  );
  return {
    municipality_code: set.municipality_code,
    groups: set.groups.map((g) => ({code: g.code, name: g.name, regso: g.regso.map((c) => areas.get(c)!)}))
  };
}
