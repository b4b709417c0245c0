/**
 * The indicator registry against its files, the goals, the tracked KPIs and the shared Kolada data:
 * ids and folders, links to sub-goals, inputs vs params, units vs KPI titles, sexes and years vs the data,
 * and the goal texts vs the strategy documents they quote.
 */
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {KOLADA_KPIS} from "../../data-loaders/kolada/kpis.js";
import {loadConfig, PROJECT_ROOT} from "../../data-loaders/lib/config.js";
import {query} from "../../data-loaders/lib/duckdb.js";
import type {Indicator} from "../../indicators/define.js";
import {GOALS, OVERALL_GOAL, VISION} from "../../indicators/goals.js";
import {INDICATORS, allInputs} from "../../indicators/index.js";
import {sqlParams, templateName} from "../../indicators/sql/index.js";
import {freshDb} from "../helpers/db.js";

const INDICATORS_DIR = join(PROJECT_ROOT, "indicators");
/** Folders under indicators/ that hold no goal-area indicators: templates, and neighbourhood indicators (another registry). */
const NOT_GOAL_FOLDERS = new Set(["sql-derive", "sql", "omraden", "report"]);
const KOLADA_DIR = join(loadConfig().referenceDir, "kolada-ddf-dump");
const SEEDS_DIR = join(PROJECT_ROOT, "..", "shared", "seeds");

const kpiOf = (input: string) => input.replace(/^kolada:/, "");
const isKpiId = (value: unknown): value is string => typeof value === "string" && /^[NU]\d{5}$/.test(value);
const goalIds = new Set(GOALS.map((g) => g.id));

describe("indicator files and registry", () => {
  it("has unique ids, each the name of its file in the folder of its goal area", () => {
    const ids = INDICATORS.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const indicator of INDICATORS) {
      expect(indicator.file).toBe(join(INDICATORS_DIR, indicator.goal_area, `${indicator.id}.ts`));
      expect(indicator.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(goalIds, indicator.id).toContain(indicator.goal_area);
    }
  });

  it("lists exactly the indicator files under the goal-area folders", () => {
    const folders = readdirSync(INDICATORS_DIR, {withFileTypes: true})
      .filter((entry) => entry.isDirectory() && !NOT_GOAL_FOLDERS.has(entry.name))
      .map((entry) => entry.name);
    for (const folder of folders) expect(goalIds, `indicators/${folder}/ is not a goal id`).toContain(folder);
    const onDisk = folders
      .flatMap((folder) => readdirSync(join(INDICATORS_DIR, folder)).filter((f) => f.endsWith(".ts")).map((f) => join(folder, f)))
      .sort();
    const registered = INDICATORS.map((i) => join(i.goal_area, `${i.id}.ts`)).sort();
    expect(registered).toEqual(onDisk);
  });

  it("keeps INDICATORS in goal order, then by id", () => {
    const order = new Map(GOALS.map((g) => [g.id, g.order]));
    const key = (i: Indicator) => `${String(order.get(i.goal_area)).padStart(2, "0")} ${i.id}`;
    const keys = INDICATORS.map(key);
    expect(keys).toEqual([...keys].sort());
  });

  it("allInputs() is the sorted union of the inputs", () => {
    const inputs = allInputs();
    expect(inputs).toEqual([...new Set(INDICATORS.flatMap((i) => i.inputs))].sort());
    expect(inputs).toContain("kolada:N02268");
    expect(new Set(inputs).size).toBe(inputs.length);
  });

  it("has at least three indicators in every goal area", () => {
    for (const goal of GOALS.filter((g) => g.kind === "goal_area")) {
      const count = INDICATORS.filter((i) => i.goal_area === goal.id).length;
      expect(count, goal.id).toBeGreaterThanOrEqual(3);
    }
  });
});

describe("links between indicators and goals", () => {
  const subgoalArea = new Map(GOALS.flatMap((g) => g.subgoals.map((s) => [s.id, g.id] as const)));

  it("links only sub-goals of the indicator's own goal area", () => {
    for (const indicator of INDICATORS) {
      for (const id of indicator.subgoals) expect(subgoalArea.get(id), `${indicator.id} → ${id}`).toBe(indicator.goal_area);
    }
  });

  it("links every sub-goal by an indicator or gives the reason none can, never both", () => {
    const linked = new Set(INDICATORS.flatMap((i) => i.subgoals));
    for (const goal of GOALS) {
      for (const subgoal of goal.subgoals) {
        const reason = subgoal.not_measurable_reason;
        expect(linked.has(subgoal.id) !== (reason !== null), subgoal.id).toBe(true);
        if (reason !== null) expect(reason.length, subgoal.id).toBeGreaterThan(40);
      }
    }
  });

  it("gives context indicators no direction and no sub-goals, and goal indicators a direction", () => {
    for (const indicator of INDICATORS) {
      if (indicator.kind === "context") {
        expect(indicator.direction, indicator.id).toBe("none");
        expect(indicator.subgoals, indicator.id).toEqual([]);
      } else {
        expect(indicator.direction, indicator.id).not.toBe("none");
      }
      if (indicator.goal_area === "kontext") expect(indicator.kind, indicator.id).toBe("context");
    }
  });
});

describe("inputs, params and SQL", () => {
  it("uses one of the SQL templates and gives it exactly the params it reads", () => {
    for (const indicator of INDICATORS) {
      expect(templateName(indicator.sql), indicator.id).not.toBeNull();
      expect(Object.keys(indicator.params).sort(), indicator.id).toEqual(sqlParams(indicator.sql));
    }
  });

  it("declares every KPI its params use as an input, and uses every input", () => {
    for (const indicator of INDICATORS) {
      const paramKpis = Object.values(indicator.params).filter(isKpiId).sort();
      expect(indicator.inputs.map(kpiOf).sort(), indicator.id).toEqual(paramKpis);
    }
  });

  it("marks a break in the SQL exactly where series_breaks declares one", () => {
    for (const indicator of INDICATORS) {
      expect(indicator.series_breaks.length, indicator.id).toBeLessThanOrEqual(1);
      expect(indicator.params.break_year, indicator.id).toBe(indicator.series_breaks[0]?.year ?? 0);
    }
  });

  it("names the comparison group exactly when it shows a gap", () => {
    for (const indicator of INDICATORS) {
      const hasGap = indicator.groups.includes("gap");
      expect(indicator.comparison_group !== null, indicator.id).toBe(hasGap);
      if (hasGap) {
        expect(indicator.params.comparison_group, indicator.id).toBe(indicator.comparison_group);
        expect(indicator.unit, indicator.id).toBe("percent");
      }
    }
  });

  it("reads only KPIs the fetch stage tracks", () => {
    const tracked = new Set<string>(KOLADA_KPIS);
    for (const input of allInputs()) {
      expect(input).toMatch(/^kolada:/);
      expect(tracked.has(kpiOf(input)), input).toBe(true);
    }
  });
});

/** Kolada title → unit; the first matching rule wins. */
const UNIT_RULES: [RegExp, string][] = [
  [/balanstal/, "ratio"],
  [/\(Ja=1, Nej=0\)|Överskott=2/, "index"],
  [/antal\/1000 ?inv/, "per_1000"],
  [/antal\/100 000 inv|antal barn\/100 000 inv/, "per_100000"],
  [/antal\/10 000/, "per_10000"],
  [/antal\/inv/, "per_inhabitant"],
  [/, dagar$/, "days"],
  [/andel ?\(%\)|\(%\)/, "percent"],
  [/, antal$/, "count"]
];

describe("against the shared Kolada data (read at test time)", () => {
  let db: Awaited<ReturnType<typeof freshDb>>;
  const titles = new Map<string, string>();
  /** kpi → gender → {first, last, areas} in the county file. */
  const coverage = new Map<string, Map<string, {first: number; last: number; areas: Set<string>}>>();

  beforeAll(async () => {
    db = await freshDb({schema: false});
    const meta = await query<{kpi: string; title: string}>(
      db.conn,
      "select kpi, title from read_csv($file, header = true, all_varchar = true)",
      {file: join(KOLADA_DIR, "kolada_kpi_metadata_selected.csv")}
    );
    for (const row of meta) titles.set(row.kpi, row.title);
    const rows = await query<{kpi: string; gender: string; first: number; last: number; areas: string[]}>(
      db.conn,
      `select kpi, gender, min(year)::integer as first, max(year)::integer as last, list(distinct kolada_id) as areas
       from read_csv($file, header = true, types = {'kolada_id': 'VARCHAR', 'year': 'INTEGER'})
       group by kpi, gender`,
      {file: join(KOLADA_DIR, "kolada_jonkoping_lan_integration_long.csv")}
    );
    for (const row of rows) {
      const byGender = coverage.get(row.kpi) ?? new Map();
      byGender.set(row.gender, {first: row.first, last: row.last, areas: new Set(row.areas)});
      coverage.set(row.kpi, byGender);
    }
  });
  afterAll(() => db.close());

  it("finds every input in the shared KPI metadata", () => {
    expect(titles.size).toBe(180);
    for (const input of allInputs()) expect(titles.has(kpiOf(input)), input).toBe(true);
  });

  it("gives every indicator the unit its KPI titles state", () => {
    for (const indicator of INDICATORS) {
      for (const input of indicator.inputs) {
        const title = titles.get(kpiOf(input)) as string;
        const rule = UNIT_RULES.find(([pattern]) => pattern.test(title));
        expect(rule?.[1], `${indicator.id}: ${input} "${title}"`).toBe(indicator.unit);
      }
    }
  });

  it("declares exactly the sexes the data has for every input", () => {
    for (const indicator of INDICATORS) {
      for (const input of indicator.inputs) {
        const genders = [...(coverage.get(kpiOf(input))?.keys() ?? [])].sort();
        expect(genders, `${indicator.id}: ${input}`).toEqual([...indicator.sexes].sort());
      }
    }
  });

  it("expects only years and areas the data has for every input", () => {
    for (const indicator of INDICATORS) {
      const {expect_years, expect_areas} = indicator.checks;
      for (const input of indicator.inputs) {
        const total = coverage.get(kpiOf(input))?.get("T");
        expect(total, `${indicator.id}: ${input}`).toBeDefined();
        if (!total) continue;
        if (expect_years) {
          expect(total.first, `${indicator.id}: ${input} first year`).toBeLessThanOrEqual(expect_years[0]);
          expect(total.last, `${indicator.id}: ${input} last year`).toBeGreaterThanOrEqual(expect_years[1]);
        }
        for (const area of expect_areas ?? []) expect(total.areas.has(area), `${indicator.id}: ${input} ${area}`).toBe(true);
      }
    }
  });
});

describe("goals quote the strategy documents", () => {
  /** A seed's text with bullets and line breaks folded into single spaces. */
  function seed(prefix: string): string {
    const file = readdirSync(SEEDS_DIR).find((f) => f.startsWith(prefix));
    if (!file) throw new Error(`no seed ${prefix}* in ${SEEDS_DIR}`);
    return readFileSync(join(SEEDS_DIR, file), "utf8").replace(/\uf0b7/g, " ").replace(/\s+/g, " ");
  }
  const county = seed("000_");
  const jonkoping = seed("002_");
  const tranas = seed("004_");

  it("has the county strategy's six focus areas in its order, plus the context group", () => {
    const areas = GOALS.filter((g) => g.kind === "goal_area");
    expect(areas.map((g) => [g.order, g.title])).toEqual([
      [1, "Utbildning"],
      [2, "Arbete och vuxenutbildning"],
      [3, "Social sammanhållning"],
      [4, "Ensamkommande barn"],
      [5, "Bostäder"],
      [6, "Hälsa"]
    ]);
    for (const goal of areas) expect(county).toContain(`${goal.order}. ${goal.title}`);
    expect(GOALS.filter((g) => g.kind === "context").map((g) => [g.id, g.order])).toEqual([["kontext", 7]]);
    expect(new Set(GOALS.map((g) => g.id)).size).toBe(GOALS.length);
  });

  it("quotes the vision, the overall goal, the focus goals and every sub-goal verbatim", () => {
    expect(county).toContain(VISION);
    expect(county).toContain(OVERALL_GOAL);
    for (const goal of GOALS.filter((g) => g.kind === "goal_area")) {
      expect(tranas, goal.id).toContain(`Fokusmål: ${goal.tranas_focus_goal}`);
      for (const subgoal of goal.subgoals) {
        expect(subgoal.document === "Tranås kommun" ? tranas : jonkoping, subgoal.id).toContain(subgoal.text);
      }
    }
  });

  it("has Jönköping's goals on work, municipal staff and Swedish tuition under Arbete och vuxenutbildning", () => {
    const jkp = GOALS.flatMap((g) => g.subgoals.filter((s) => s.document === "Jönköpings kommun").map((s) => [g.id, s.id]));
    expect(jkp).toEqual([
      ["arbete-och-vuxenutbildning", "arb.jonkoping-1"],
      ["arbete-och-vuxenutbildning", "arb.jonkoping-2"],
      ["arbete-och-vuxenutbildning", "arb.jonkoping-3"],
      ["arbete-och-vuxenutbildning", "arb.jonkoping-4"]
    ]);
  });
});
