/**
 * The rows of areas/omradesgrupper.csv: one file a neighbourhood group can open in a spreadsheet.
 * Per RegSO-level indicator: each named area (and a group spanning several RegSO, pooled), then its
 * municipality, the county and the area types of the named areas, each with the first year of the
 * series (2020 where it exists), the latest year and the change between them.
 */
import type {DuckDBConnection} from "@duckdb/node-api";
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
  for (const ind of indicators.filter((i) => i.level === "regso")) {
    const {area, agg, firstYear, latestYear} = await pointsOf(conn, ind.id);
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

/** One indicator's area points (mart_area_comparisons) and pooled points (mart_area_aggregates), by key. */
async function pointsOf(conn: DuckDBConnection, id: string) {
  const areaRows = await query<AreaPoint>(
    conn,
    `select area_code, year, value, base, status, diff_municipality, diff_county, diff_same_type, change, rank, rank_of
     from mart_area_comparisons where indicator_id = $id`,
    {id}
  );
  const aggRows = await query<AggPoint>(
    conn,
    `select kind, code, year, value, base, status from mart_area_aggregates where indicator_id = $id`,
    {id}
  );
  const years = areaRows.map((r) => r.year);
  if (years.length === 0) throw new CheckError([`${id}: no values to compare`]);
  return {
    area: new Map(areaRows.map((r) => [`${r.area_code}|${r.year}`, r])),
    agg: new Map(aggRows.map((r) => [`${r.kind}|${r.code}|${r.year}`, r])),
    firstYear: Math.min(...years),
    latestYear: Math.max(...years)
  };
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
