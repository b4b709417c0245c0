// Framework data loader: the method page's worked example of similar municipalities (Jönköping, Gislaved, Aneby),
// built at build time from the published peers.json, peers.csv and peers-variables.csv, so the page stays small.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {PROJECT_ROOT} from "../../data-loaders/lib/config.js";
import {parsePeersCsv} from "../components/peerCompare.js";

const PUB = join(PROJECT_ROOT, "src", "data", "pub");
const EXAMPLE = ["0680", "0662", "0604"];
const meta = JSON.parse(readFileSync(join(PUB, "peers.json"), "utf8")) as {method_sv: string; reference_year: number; k: number; variables: {kpi: string; label_sv: string}[]};
const peers = parsePeersCsv(readFileSync(join(PUB, "peers.csv"), "utf8"));
const [header, ...lines] = readFileSync(join(PUB, "peers-variables.csv"), "utf8").trimEnd().split("\n");
const cols = header!.split(",");
const at = (name: string) => cols.indexOf(name);
const values = new Map<string, {value: number; z: number; year: number}>();
for (const l of lines) {
  // variable_sv may be quoted and contain commas: read the fixed columns from both ends.
  const c = l.split(",");
  const tail = c.slice(-3);
  values.set(`${c[at("area_code")]}|${c[at("kpi")]}`, {year: Number(tail[0]), value: Number(tail[1]), z: Number(tail[2])});
}
const example = EXAMPLE.map((code) => {
  const mine = peers.filter((p) => p.area_code === code).sort((a, b) => a.rank - b.rank);
  if (mine.length === 0) throw new Error(`peers.csv has no similar municipalities for ${code}`);
  const areas = [{code, name: mine[0]!.area_name, distance: null as number | null}, ...mine.map((p) => ({code: p.peer_code, name: p.peer_name, distance: p.distance}))];
  return {
    code, name: mine[0]!.area_name, areas,
    variables: meta.variables.map((v) => ({kpi: v.kpi, label_sv: v.label_sv, cells: areas.map((a) => values.get(`${a.code}|${v.kpi}`) ?? null)}))
  };
});
process.stdout.write(JSON.stringify({method_sv: meta.method_sv, reference_year: meta.reference_year, k: meta.k, example}));
