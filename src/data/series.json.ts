// Framework data loader: the headline series of every indicator for the small multiples (see src/lib/siteData.ts).
import {buildSeries} from "../lib/siteData.js";

process.stdout.write(JSON.stringify(buildSeries()));
