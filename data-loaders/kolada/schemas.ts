/**
 * zod schemas for Kolada API v3 responses (pages of data rows, KPI and municipality objects).
 * Unknown extra fields are tolerated (stripped); a missing or renamed field fails with its JSON path.
 */
import {z} from "zod";

/** One value of a data row: per gender, with Kolada's status text. */
export const KoladaValue = z.object({
  gender: z.enum(["K", "M", "T"]),
  count: z.number().int(),
  status: z.string().nullable(),
  value: z.number().nullable(),
  // Tolerated absent (= not deleted): the v3 evidence is rKolada, which filters deleted rows only when an
  // `isdeleted` field is present (../shared/reference/real-api/PROVENANCE.md); the v2 docs do not list it.
  isdeleted: z.boolean().optional()
});
export type KoladaValue = z.infer<typeof KoladaValue>;

/** One data row: a KPI for one area and year, with up to three gender values. */
export const KoladaDataRow = z.object({
  kpi: z.string().min(1),
  municipality: z.string().min(1),
  period: z.number().int(),
  values: z.array(KoladaValue)
});
export type KoladaDataRow = z.infer<typeof KoladaDataRow>;

/**
 * KPI metadata as served by /kpi. Strict on what we compute with (id, title); the other keys may be null or
 * absent: the v2 docs (Hypergene-kolada-README-v2.rst) describe them as optional descriptive metadata, and in
 * Kolada's own catalogue (../shared/data/raw/kolada-meta, rKolada's vignette) description, auspice,
 * operating_area, perspective and the publication dates are null for many KPIs.
 */
export const KoladaKpi = z.object({
  id: z.string().min(1),
  title: z.string(),
  description: z.string().nullish(),
  is_divided_by_gender: z.boolean().nullish(),
  municipality_type: z.string().nullish(),
  auspice: z.string().nullish(),
  operating_area: z.string().nullish(),
  perspective: z.string().nullish(),
  prel_publication_date: z.string().nullish(),
  publication_date: z.string().nullish(),
  publ_period: z.string().nullish(),
  has_ou_data: z.boolean().nullish()
});
export type KoladaKpi = z.infer<typeof KoladaKpi>;

/** An area as served by /municipality: Riket, regions (type L) and municipalities (type K). */
export const KoladaMunicipality = z.object({
  id: z.string().min(1),
  title: z.string(),
  type: z.string()
});
export type KoladaMunicipality = z.infer<typeof KoladaMunicipality>;

/** A v3 list page: `count` items in `values`; `next_url` absent (or empty) on the last page. */
function koladaPage<T extends z.ZodType>(item: T) {
  return z
    .object({
      count: z.number().int().nonnegative(),
      values: z.array(item),
      next_url: z.string().nullish(),
      previous_url: z.string().nullish()
    })
    .refine((p) => p.count === p.values.length, {message: "count differs from the number of values", path: ["count"]});
}

export const KoladaDataPage = koladaPage(KoladaDataRow);
export type KoladaDataPage = z.infer<typeof KoladaDataPage>;

export const KoladaKpiPage = koladaPage(KoladaKpi);
export type KoladaKpiPage = z.infer<typeof KoladaKpiPage>;

export const KoladaMunicipalityPage = koladaPage(KoladaMunicipality);
export type KoladaMunicipalityPage = z.infer<typeof KoladaMunicipalityPage>;
