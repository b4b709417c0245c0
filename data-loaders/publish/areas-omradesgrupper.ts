/**
 * The rows of areas/omradesgrupper.csv: one file a neighbourhood group can open in a spreadsheet.
 * Per RegSO-level indicator: each named area (and a group spanning several RegSO, pooled), then its
 * municipality, the county and the area types of the named areas, each with the first year of the
 * series (2020 where it exists), the latest year and the change between them.
 */
import {listValue, type DuckDBConnection} from "@duckdb/node-api";
import {SUPPRESSION_MIN_BASE, type AreaIndicator} from "../../indicators/omraden/define.js";
import {AREA_TYPES, BASE_UNIT_SV, diffUnitLabelSv, unitLabelSv, type OmradesgruppSet} from "../../indicators/omraden/meta.js";
import {query} from "../lib/duckdb.js";
import {CheckError} from "../lib/errors.js";
import type {AreaSource, OmradesgruppRow} from "./areas-contract.js";
import {areaSourceLabel} from "./areas-sources.js";

interface Point {
  value: number | null;
  base: number | null;
  status: string;
}

interface AreaPoint extends Point {
  area_code: string;
  year: number;
  diff_municipality: number | null;
  diff_county: number | null;
  diff_same_type: number | null;
  change: number | null;
  rank: number | null;
  rank_of: number | null;
}

interface AggPoint extends Point {
  kind: string;
  code: string;
  year: number;
}

interface AreaInfo {
  code: string;
  name: string;
  short_name: string;
  level: string;
  parent_code: string | null;
  municipality_code: string | null;
  area_type: number | null;
}

/** The columns every row of one indicator shares. */
type Shared = Pick<
  OmradesgruppRow,
  "indicator_id" | "indicator" | "unit" | "diff_unit" | "base_unit" | "source" | "retrieved" | "from_year" | "latest_year"
>;

/** The columns that say which area or comparator a row is. */
type Identity = Pick<OmradesgruppRow, "group" | "comparison" | "area_name" | "area_code" | "area_type">;

/** Build the rows (validated by the caller); every named RegSO must exist in the named municipality. */
export async function buildOmradesgruppRows(
  conn: DuckDBConnection,
  indicators: readonly AreaIndicator[],
  set: OmradesgruppSet,
  sources: Map<string, AreaSource>
): Promise<OmradesgruppRow[]> {
  const areas = new Map(
    (
      await query<AreaInfo>(
        conn,
        `select area_code as code, name, short_name, level, parent_code, municipality_code, area_type from mart_area_list`
      )
    ).map((a) => [a.code, a])
  );
  const municipality = areas.get(set.municipality_code);
  const failures: string[] = [];
  if (!municipality || municipality.level !== "municipality") failures.push(`municipality ${set.municipality_code} has no RegSO in stg_areas`);
  for (const g of set.groups) {
    for (const code of g.regso) {
      const a = areas.get(code);
      if (!a || a.level !== "regso") failures.push(`${g.name}: RegSO ${code} is not in stg_areas`);
      else if (a.municipality_code !== set.municipality_code) failures.push(`${g.name}: RegSO ${code} is not in municipality ${set.municipality_code}`);
    }
  }
  const county = municipality?.parent_code ? areas.get(municipality.parent_code) : undefined;
  if (municipality && !county) failures.push(`municipality ${set.municipality_code} has no county in stg_areas`);
  if (failures.length || !municipality || !county) throw new CheckError(failures);

  const named = set.groups.flatMap((g) => g.regso.map((c) => areas.get(c)!));
  const types = [...new Set(named.map((a) => a.area_type).filter((t): t is number => t !== null))].sort((a, b) => a - b);
  const regsoPerType = (t: number) => [...areas.values()].filter((a) => a.level === "regso" && a.area_type === t).length;

  const rows: OmradesgruppRow[] = [];
  const regsoIndicators = indicators.filter((i) => i.level === "regso");
  const points = await pointsOf(conn, regsoIndicators.map((i) => i.id), named.map((a) => a.code));
  for (const ind of regsoIndicators) {
    const {area, agg, firstYear, latestYear} = points.get(ind.id)!;
    const fromYear = firstYear < latestYear ? firstYear : null;
    const refs = ind.inputs.map((i) => sources.get(i.slice("scb:".length))!);
    const shared: Shared = {
      indicator_id: ind.id,
      indicator: ind.title_sv,
      unit: unitLabelSv(ind),
      diff_unit: diffUnitLabelSv(ind),
      base_unit: ind.base_unit ? BASE_UNIT_SV[ind.base_unit] : "",
      source: areaSourceLabel(ind, refs),
      retrieved: refs.map((r) => r.retrieved).sort().at(-1)!,
      from_year: fromYear,
      latest_year: latestYear
    };

    /** A pooled comparator's row (kind/code of mart_area_aggregates); none can be formed for a mean. */
    const comparator = (kind: string, code: string, id: Identity): OmradesgruppRow => {
      const empty = {diff_municipality: null, diff_county: null, diff_same_type: null, rank: null, rank_of: null};
      if (ind.kind !== "ratio") {
        return {
          ...shared, ...id, ...empty, value_from: null, value_latest: null, change: null, base_latest: null,
          status: "ej beräkningsbar",
          note: `Kan inte beräknas: ${ind.no_base_reason?.sv ?? "måttet kan inte läggas samman över områden."}`
        };
      }
      const latest = agg.get(`${kind}|${code}|${latestYear}`);
      const first = fromYear === null ? undefined : agg.get(`${kind}|${code}|${fromYear}`);
      return {
        ...shared, ...id, ...empty,
        value_from: first?.value ?? null,
        value_latest: latest?.value ?? null,
        change: first?.value != null && latest?.value != null ? Number((latest.value - first.value).toFixed(ind.decimals)) : null,
        base_latest: latest?.base ?? null,
        ...statusOf(shared, latest, first)
      };
    };

    for (const g of set.groups) {
      for (const code of g.regso) {
        const info = areas.get(code)!;
        const latest = area.get(`${code}|${latestYear}`);
        const first = fromYear === null ? undefined : area.get(`${code}|${fromYear}`);
        rows.push({
          ...shared,
          group: g.name,
          comparison: "område",
          area_name: info.short_name,
          area_code: code,
          area_type: info.area_type,
          value_from: first?.value ?? null,
          value_latest: latest?.value ?? null,
          change: latest?.change ?? null,
          diff_municipality: latest?.diff_municipality ?? null,
          diff_county: latest?.diff_county ?? null,
          diff_same_type: latest?.diff_same_type ?? null,
          rank: latest?.rank ?? null,
          rank_of: latest?.rank_of ?? null,
          base_latest: latest?.base ?? null,
          ...statusOf(shared, latest, first)
        });
      }
      if (g.regso.length > 1) {
        rows.push(
          comparator("group", g.code, {
            group: g.name,
            comparison: "områdesgruppen sammanvägd",
            area_name: `${g.name} (${g.regso.map((c) => areas.get(c)!.short_name).join(" + ")})`,
            area_code: g.regso.join("+"),
            area_type: null
          })
        );
      }
    }
    rows.push(comparator("municipality", municipality.code, {group: "", comparison: "kommunen", area_name: municipality.name, area_code: municipality.code, area_type: null}));
    rows.push(comparator("county", county.code, {group: "", comparison: "länet", area_name: county.name, area_code: county.code, area_type: null}));
    for (const t of types) {
      const label = AREA_TYPES.find((x) => x.type === t)?.label_sv ?? `områdestyp ${t}`;
      rows.push(
        comparator("area_type", String(t), {
          group: "",
          comparison: "samma områdestyp i länet",
          area_name: `Områdestyp ${t}: ${label} (${regsoPerType(t)} RegSO i länet, sammanvägt)`,
          area_code: `typ ${t}`,
          area_type: t
        })
      );
    }
  }
  return rows;
}

/**
 * Per indicator: the named areas' points (mart_area_comparisons), the pooled points (mart_area_aggregates), by key,
 * and the series' first and latest year over all its areas. Two queries for all indicators (one pair per indicator
 * cost ~30 ms each in the pipeline, on the side connection's critical path).
 */
async function pointsOf(conn: DuckDBConnection, ids: readonly string[], codes: readonly string[]) {
  const areaRows = await query<Omit<AreaPoint, "area_code"> & {indicator_id: string; area_code: string | null; first_year: number; latest_year: number}>(
    conn,
    `with comparisons as (
       select * from mart_area_comparisons where list_contains($ids, indicator_id)
     ),
     years as (
       select indicator_id, min(year) as first_year, max(year) as latest_year from comparisons group by indicator_id
     )
     select c.indicator_id, c.area_code, c.year, c.value, c.base, c.status, c.diff_municipality, c.diff_county,
       c.diff_same_type, c.change, c.rank, c.rank_of, y.first_year, y.latest_year
     from comparisons c join years y using (indicator_id)
     where list_contains($codes, c.area_code)
     union all
     -- an indicator without a named area's row still gets its years
     select indicator_id, null, null, null, null, null, null, null, null, null, null, null, first_year, latest_year from years`,
    {ids: listValue([...ids]), codes: listValue([...codes])}
  );
  const aggRows = await query<AggPoint & {indicator_id: string}>(
    conn,
    `select indicator_id, kind, code, year, value, base, status from mart_area_aggregates where list_contains($ids, indicator_id)`,
    {ids: listValue([...ids])}
  );
  const out = new Map<string, {area: Map<string, AreaPoint>; agg: Map<string, AggPoint>; firstYear: number; latestYear: number}>();
  for (const r of areaRows) {
    let p = out.get(r.indicator_id);
    if (!p) out.set(r.indicator_id, (p = {area: new Map(), agg: new Map(), firstYear: r.first_year, latestYear: r.latest_year}));
    if (r.area_code !== null) p.area.set(`${r.area_code}|${r.year}`, {...r, area_code: r.area_code});
  }
  const missing = ids.filter((id) => !out.has(id));
  if (missing.length) throw new CheckError(missing.map((id) => `${id}: no values to compare`));
  for (const r of aggRows) out.get(r.indicator_id)?.agg.set(`${r.kind}|${r.code}|${r.year}`, r);
  return out;
}

/** Swedish status and note for the latest value, with a word on the first year's value when it is absent. */
function statusOf(shared: Shared, latest: Point | undefined, first: Point | undefined): Pick<OmradesgruppRow, "status" | "note"> {
  const notes: string[] = [];
  const say = (p: Point | undefined, year: number) => {
    if (!p || p.status === "missing") notes.push(`Uppgift saknas i källan för ${year}.`);
    else if (p.status === "suppressed") {
      notes.push(`${year}: underlaget (${p.base} ${shared.base_unit}) är mindre än ${SUPPRESSION_MIN_BASE}, värdet visas inte.`);
    }
  };
  say(latest, shared.latest_year);
  if (shared.from_year !== null) say(first, shared.from_year);
  const status = !latest || latest.status === "missing" ? "saknas" : latest.status === "suppressed" ? "undertryckt" : "";
  return {status, note: notes.join(" ")};
}
