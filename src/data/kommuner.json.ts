// Framework data loader: the county's municipalities as GeoJSON for the map, from the shared boundary file
// (read at build time, never committed). See src/lib/boundaries.ts.
import {countyBoundaries} from "../lib/boundaries.js";

process.stdout.write(JSON.stringify(countyBoundaries()));
