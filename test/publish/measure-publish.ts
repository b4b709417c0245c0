/**
 * Scratch timing of computeIndicators + publishIndicators on REAL volumes (not a test; no timed tests):
 *   npx tsx test/publish/measure-publish.ts [county|sweden] [n-indicators]
 * Loads the Kolada extract from ../shared/data/raw/kolada-ddf-dump (read at run time, never copied)
 * into the staging tables and defines n synthetic indicators on its largest KPIs (every fifth one a
 * foreign-born/all/gap triple), so the row volume is at least that of the real registry.
 */
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {PROJECT_ROOT} from "../../data-loaders/lib/config.js";
import {query} from "../../data-loaders/lib/duckdb.js";
import {setQuiet} from "../../data-loaders/lib/log.js";
import type {Scope} from "../../data-loaders/lib/types.js";
import {publishIndicators} from "../../data-loaders/publish/index.js";
import {computeIndicators} from "../../indicators/compute.js";
import {defineIndicator, type Indicator} from "../../indicators/define.js";
import {freshDb} from "../helpers/db.js";
import {TEST_GOALS} from "../fixtures/indicators/goals.js";

const scope = (process.argv[2] ?? "county") as Scope;
const n = Number(process.argv[3] ?? 40);
const dump = join(PROJECT_ROOT, "..", "shared", "data", "raw", "kolada-ddf-dump");
const valuesFile = join(dump, scope === "sweden" ? "kolada_sweden_selected_long.csv.gz" : "kolada_jonkoping_lan_integration_long.csv");
setQuiet(true);

const db = await freshDb();
const {conn} = db;
await conn.run(
  `INSERT INTO stg_areas
   SELECT id, title, title,
          CASE WHEN id = '0000' THEN 'country' WHEN type = 'L' THEN 'county' ELSE 'municipality' END,
          CASE WHEN id = '0000' THEN NULL WHEN type = 'L' THEN '0000' ELSE parent_county END,
          CASE WHEN type = 'K' THEN id END,
          CASE WHEN id = '0000' THEN NULL WHEN type = 'L' THEN id ELSE parent_county END,
          NULL
   FROM read_csv($file, all_varchar = true)`,
  {file: join(dump, "kolada_geographies.csv")}
);
await conn.run(
  `INSERT INTO stg_kolada__values
   SELECT kpi, kolada_id, year::INTEGER, gender, value::DOUBLE, NULL FROM read_csv($file, all_varchar = true)`,
  {file: valuesFile}
);
const kpis = (
  await query<{kpi: string}>(conn, `SELECT kpi FROM stg_kolada__values GROUP BY kpi ORDER BY count(*) DESC, kpi LIMIT $n`, {n: n + Math.ceil(n / 5)})
).map((r) => r.kpi);
for (const kpi of kpis) {
  await conn.run(`INSERT INTO stg_kolada__kpis (kpi, title, unit, source_agency) VALUES ($kpi, $kpi, 'percent', 'SCB')`, {kpi});
}
await conn.run(
  `INSERT INTO meta_raw_files VALUES ('kolada:values', 'kolada', 'x.json', 'https://api.kolada.se/v3/data', now(), 'x', 'RKA (Kolada)', 'open data')`
);

const base = {
  title_sv: "Mätning", title_en: "Measurement", description_sv: "Syntetisk mätindikator.", description_en: "Synthetic timing indicator.",
  kind: "goal" as const, subgoals: ["arbete.1"], unit: "percent" as const, direction: "higher_is_better" as const,
  direction_reason: "Synthetic bench indicator."
};
const indicators: Indicator[] = [];
let k = 0;
for (let i = 0; i < n; i++) {
  const url = `file:///bench/arbete/bench-${i}.ts`;
  const kpi = kpis[k++]!;
  if (i % 5 === 4) {
    const other = kpis[k++]!;
    indicators.push(defineIndicator(url, {
      ...base, inputs: [`kolada:${kpi}`, `kolada:${other}`], sexes: ["T", "K", "M"], groups: ["foreign_born", "all", "gap"], comparison_group: "all",
      sql: `WITH f AS (SELECT area_code, year, gender AS sex, value FROM stg_kolada__values WHERE kpi = $a),
                 a AS (SELECT area_code, year, gender AS sex, value FROM stg_kolada__values WHERE kpi = $b)
            SELECT area_code, year, sex, 'foreign_born' AS "group", value, '' AS status FROM f
            UNION ALL SELECT area_code, year, sex, 'all', value, '' FROM a
            UNION ALL SELECT area_code, year, sex, 'gap', round(f.value - a.value, 6), '' FROM f JOIN a USING (area_code, year, sex)`,
      params: {a: kpi, b: other}
    }));
  } else {
    indicators.push(defineIndicator(url, {
      ...base, inputs: [`kolada:${kpi}`], sexes: ["T", "K", "M"], groups: ["all"],
      sql: `SELECT area_code, year, gender AS sex, 'all' AS "group", value, status FROM stg_kolada__values WHERE kpi = $kpi`,
      params: {kpi}
    }));
  }
}

const out = mkdtempSync(join(tmpdir(), "publish-measure-"));
let t = performance.now();
const computed = await computeIndicators(conn, indicators, {scope});
const computeMs = performance.now() - t;
t = performance.now();
const published = await publishIndicators(conn, {
  outDir: out, indicators, goals: TEST_GOALS, vision: "v", overallGoal: "o", scope, generatedAt: new Date().toISOString()
});
const publishMs = performance.now() - t;
const mb = published.files.reduce((s, f) => s + f.bytes, 0) / 1e6;
console.log(
  `${scope}: ${indicators.length} indicators, ${computed.rows} mart rows, ${computed.summary_rows} summary rows; ` +
    `compute ${Math.round(computeMs)} ms, publish ${Math.round(publishMs)} ms, ${published.files.length} files, ${mb.toFixed(1)} MB ` +
    `(bulk.zip ${((published.files.find((f) => f.path === "bulk.zip")?.bytes ?? 0) / 1e6).toFixed(1)} MB)\n` +
    `  stages (ms): ${JSON.stringify(published.stage_ms)}`
);
rmSync(out, {recursive: true, force: true});
db.close();
