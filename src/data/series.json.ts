// Framework data loader: the headline series of every indicator for the small multiples (see src/lib/siteData.ts).
import {buildSeries} from "../lib/siteData.js";

const series = buildSeries();
process.stdout.write(JSON.stringify(series));
const rows = Object.values(series.indicators).reduce((n, s) => n + s.rows.length, 0);
process.stderr.write(`series.json: ${Object.keys(series.indicators).length} indicators, ${rows} rows (published ${series.generated_at})\n`);
