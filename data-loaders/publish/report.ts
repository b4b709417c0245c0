/**
 * The publish step of the yearly follow-up report: from the files already written in outDir (catalogue.json,
 * summary.csv, county-status.csv, coverage.csv) and the run's change list, one report per county municipality and
 * one for the county: reports/<kod>.json (sentences, tables, lists; rendered by src/uppfoljning/[kod].md),
 * reports/<kod>.csv and reports/<kod>.excel.csv (exactly the report's tables, the same dialects and neutralising as
 * every published CSV). Only writes files.
 */
import {existsSync} from "node:fs";
import {mkdir, readFile, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {csvParse} from "d3";
import {z} from "zod";
import {Catalogue, CountyStatusRow, SummaryRow} from "../../indicators/published.js";
import {buildReports, REPORT_COLUMNS, reportAreaCodes, reportFiles, type ReportFile} from "../../indicators/report/build.js";
import {CoverageRow, type RunNews} from "../../indicators/report/input.js";
import {PipelineError} from "../lib/errors.js";
import {log} from "../lib/log.js";
import {validate} from "../lib/validate.js";
import {csvWriter, EXCEL_CSV, PLAIN_CSV} from "./csv.js";

type CellKind = "string" | "number" | "boolean";

/** How a schema field's cells are read: its base type and whether '' means null. */
function kindOf(type: z.ZodType): {kind: CellKind; nullable: boolean} {
  const def = (type as unknown as {def: {type: string; innerType?: z.ZodType}}).def;
  if (def.type === "nullable") return {...kindOf(def.innerType!), nullable: true};
  return {kind: def.type === "number" ? "number" : def.type === "boolean" ? "boolean" : "string", nullable: false};
}

function readCell(k: {kind: CellKind; nullable: boolean}, raw: string): unknown {
  if (raw === "" && k.nullable) return null;
  if (k.kind === "number") return raw === "" ? raw : Number(raw);
  if (k.kind === "boolean") return raw === "true" ? true : raw === "false" ? false : raw;
  return raw;
}

/**
 * Read a published CSV into rows of `schema` (an object schema); extra columns are dropped, missing ones fail.
 * `keep` picks the rows by their raw cells before they are validated (the reports read only the county's areas).
 */
export async function readPublishedCsv<S extends z.ZodObject>(
  file: string,
  schema: S,
  keep: (raw: Record<string, string | undefined>) => boolean = () => true
): Promise<z.infer<S>[]> {
  const fields = Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, t]) => ({name, ...kindOf(t)}));
  const rows = csvParse(await readFile(file, "utf8"));
  const missing = fields.map((f) => f.name).filter((k) => !rows.columns.includes(k));
  if (missing.length) throw new PipelineError({source: "publish", file}, `columns missing for the report: ${missing.join(", ")}`);
  const objects = rows.filter(keep).map((r) => {
    const o: Record<string, unknown> = {};
    for (const f of fields) o[f.name] = readCell(f, r[f.name] ?? "");
    return o;
  });
  return validate(schema.array(), objects, {source: "publish", file}) as z.infer<S>[];
}

/** The report's table rows as CSV cells (REPORT_COLUMNS order). */
export function reportCsvRows(report: ReportFile): (string | number | null)[][] {
  return report.goals.flatMap((g) => g.rows.map((r) => REPORT_COLUMNS.map((c) => r[c])));
}

export interface ReportPublishResult {
  reports: number;
  files: string[];
}

/** Write every report (JSON, CSV, CSV för Excel) under outDir/reports/. */
export async function publishReports(outDir: string, news: RunNews): Promise<ReportPublishResult> {
  const started = Date.now();
  const catFile = join(outDir, "catalogue.json");
  const catalogue = validate(Catalogue, JSON.parse(await readFile(catFile, "utf8")), {source: "publish", file: catFile});
  const statusFile = join(outDir, "county-status.csv");
  if (!existsSync(statusFile)) throw new PipelineError({source: "publish", file: statusFile}, "county-status.csv is missing: the report needs the county status");
  // The reports are of the county and its municipalities: in sweden scope the other 40 000 summary rows are not read.
  const reportAreas = new Set(reportAreaCodes(catalogue));
  const reports = buildReports({
    catalogue,
    summary: await readPublishedCsv(join(outDir, "summary.csv"), SummaryRow, (r) => reportAreas.has(r.area_code ?? "")),
    countyStatus: await readPublishedCsv(statusFile, CountyStatusRow),
    coverage: await readPublishedCsv(join(outDir, "coverage.csv"), CoverageRow),
    news
  });
  await mkdir(join(outDir, "reports"), {recursive: true});
  const plain = csvWriter(PLAIN_CSV);
  const excel = csvWriter(EXCEL_CSV);
  const files: string[] = [];
  for (const r of reports) {
    const f = reportFiles(r.area_code);
    const rows = reportCsvRows(r);
    await writeFile(join(outDir, f.json), `${JSON.stringify(r)}\n`);
    await writeFile(join(outDir, f.csv), plain.format(REPORT_COLUMNS, rows));
    await writeFile(join(outDir, f.excel_csv), excel.format(REPORT_COLUMNS, rows));
    files.push(f.json, f.csv, f.excel_csv);
  }
  const sentences = reports.reduce((s, r) => s + r.goals.reduce((t, g) => t + g.sentences.length, 0), 0);
  log(`publish: ${reports.length} follow-up reports, ${sentences} generated sentences, ${files.length} files in ${Date.now() - started} ms`);
  return {reports: reports.length, files};
}
