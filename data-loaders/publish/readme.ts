/** README.txt of bulk.zip: the files, every column, units, statuses, the trend method, licences, how to cite. */
import {TREND_METHOD_EN, TREND_METHOD_SV} from "../../indicators/compute.js";
import {COUNTY_STATUS_COLUMNS, COVERAGE_COLUMNS, SUMMARY_COLUMNS, TIDY_COLUMNS} from "../../indicators/published.js";
import {UNIT_LABEL_SV} from "./units.js";

type Doc = [sv: string, en: string];

const TIDY_DOCS: Record<(typeof TIDY_COLUMNS)[number], Doc> = {
  indicator_id: ["indikatorns id (samma som filnamnet)", "the indicator's id (= file name)"],
  area_code: ["områdeskod: 0000 riket, 0006 Region Jönköpings län, fyrsiffrig kommunkod, RegSO/DeSO-kod", "area code: 0000 Sweden, 0006 the county, 4-digit municipality code, RegSO/DeSO code"],
  area_name: ["områdets namn", "the area's name"],
  area_level: ["country (riket), county (län), municipality (kommun), regso, deso", "country, county, municipality, regso, deso"],
  year: ["år (Koladas period)", "year (Kolada's period)"],
  sex: ["T totalt, K kvinnor, M män", "T total, K women, M men"],
  group: ["befolkningsgrupp: all (alla), foreign_born (utrikes födda), born_in_sweden (inrikes födda), gap (utrikes födda minus jämförelsegruppen), refugees, newly_arrived, excl_newly_arrived", "population group: all, foreign_born, born_in_sweden, gap (foreign-born minus the comparison group), refugees, newly_arrived, excl_newly_arrived"],
  value: ["värdet; tomt när det saknas (se status). Decimalpunkt i .csv, decimalkomma i .excel.csv", "the value; empty when missing (see status). Decimal point in .csv, decimal comma in .excel.csv"],
  unit: ["enhet (se Enheter nedan); gap-rader för procent är procentenheter", "unit (see Units below); gap rows of percentages are percentage points"],
  status: ["tom = vanligt värde; missing = saknas; suppressed = dolt (litet underlag); break = första värdet efter ett brott i serien", "empty = ordinary; missing; suppressed (small base); break = first value after a break in the series"],
  source: ["källa: Kolada-nyckeltal med underliggande myndighet, eller SCB-tabell", "source: Kolada KPI with the underlying agency, or SCB table"],
  retrieved: ["datum (UTC) då uppgifterna hämtades", "date (UTC) the data were retrieved"]
};

const SUMMARY_DOCS: Record<(typeof SUMMARY_COLUMNS)[number], Doc> = {
  indicator_id: ["indikatorns id", "indicator id"],
  area_code: ["områdeskod", "area code"],
  area_name: ["områdets namn", "area name"],
  area_level: ["områdesnivå", "area level"],
  sex: ["kön (T, K, M)", "sex (T, K, M)"],
  group: ["befolkningsgrupp", "population group"],
  latest_year: ["senaste år med värde", "latest year with a value"],
  latest_value: ["senaste värdet", "latest value"],
  baseline_year: ["utgångsår: 2015 eller seriens första år därefter", "baseline year: 2015 or the series' first year after it"],
  baseline_value: ["värdet utgångsåret", "value in the baseline year"],
  baseline_is_strategy_start: ["true när utgångsåret är strategins första år (2015)", "true when the baseline is the strategy's first year (2015)"],
  change_since_baseline: ["senaste värdet minus utgångsvärdet (tomt vid brott i serien)", "latest minus baseline value (empty across a series break)"],
  change_5y_from_year: ["året femårsförändringen räknas från", "the year the five-year change starts from"],
  change_5y: ["förändring på fem år", "five-year change"],
  direction: ["önskad riktning: higher_is_better, lower_is_better, target (ett målvärde, se target_value; gap-rader har målet 0), none (kontext)", "desired direction: higher_is_better, lower_is_better, target (a value, see target_value; gap rows aim at 0), none (context)"],
  target_value: ["målvärdet när riktningen är target (balanstal 1, gap 0)", "the target when direction is target (balance ratios 1, gaps 0)"],
  trend: ["improving (förbättras), worsening (försämras), no_clear_change (ingen säker förändring), insufficient_data (för kort serie), not_applicable (ej bedömd); se METOD", "improving, worsening, no_clear_change, insufficient_data, not_applicable; see Method"],
  trend_from_year: ["trendfönstrets första år (bland de värden som användes)", "first year of the trend window (of the values used)"],
  trend_to_year: ["trendfönstrets sista år", "last year of the trend window"],
  trend_points: ["antal oberoende värden trenden bygger på (överlappande perioder räknas en gång)", "number of independent values the trend uses (overlapping periods count once)"],
  trend_slope_per_year: ["trendlinjens lutning, enheter per år; för riktning target lutningen för avståndet till målet", "slope of the trend line, units per year; for direction target the slope of the distance from the target"],
  trend_slope_ci_low: ["lutningens 95-procentiga konfidensintervall, undre gräns", "95 % confidence interval of the slope, lower bound"],
  trend_slope_ci_high: ["lutningens 95-procentiga konfidensintervall, övre gräns", "95 % confidence interval of the slope, upper bound"],
  trend_t: ["t-värde: lutningen delad med dess medelfel", "t: the slope divided by its standard error"],
  period_from_year: ["strategiperioden 2015–2020: första år med värde inom perioden (val: valet 2014)", "strategy period 2015–2020: first year with a value in the period (elections: 2014)"],
  period_from_value: ["värdet det året", "the value that year"],
  period_to_year: ["periodens sista år med värde (val: valet 2018)", "the period's last year with a value (elections: 2018)"],
  period_to_value: ["värdet det året", "the value that year"],
  period_change: ["förändring under perioden (sista minus första värdet)", "change over the period (last minus first value)"],
  period_status: ["bedömning av perioden, samma kategorier och metod som trend", "assessment of the period, same categories and method as trend"],
  period_method: ["trend (linje med test), two_points (bara förändring), elections (två val: förändring), none", "trend (line with test), two_points (change only), elections (two elections: a change), none"],
  since_from_year: ["efter perioden: första år från 2020 (val: 2018)", "after the period: first year from 2020 (elections: 2018)"],
  since_from_value: ["värdet det året", "the value that year"],
  since_to_year: ["senaste år", "latest year"],
  since_to_value: ["värdet det året", "the value that year"],
  since_change: ["förändring sedan perioden", "change since the period"],
  since_status: ["bedömning sedan perioden", "assessment since the period"],
  since_method: ["som period_method", "as period_method"],
  rank: ["rang bland kommunerna (1 = bäst i önskad riktning)", "rank among the municipalities (1 = best in the desired direction)"],
  rank_of: ["antal rangordnade kommuner med värde rangåret", "number of ranked municipalities with a value in the rank year"],
  rank_year: ["det gemensamma år alla kommuners rang avser", "the one year all municipalities' ranks refer to"],
  sweden_value: ["rikets värde samma år", "Sweden's value in the same year"],
  diff_vs_sweden: ["skillnad mot riket", "difference from Sweden"],
  county_value: ["länets värde samma år (eller kommunmedianen, se county_comparator)", "the county's value in the same year (or the municipal median, see county_comparator)"],
  county_comparator: ["county = Koladas länsvärde; municipal_median = median av länets kommuner; none = ingen jämförelse", "county = Kolada's county value; municipal_median = median of the county's municipalities; none"],
  county_n: ["antal kommuner medianen är av", "number of municipalities the median is of"],
  county_note: ["tom, eller varför länet inte jämförs", "empty, or why there is no county comparison"],
  diff_vs_county: ["skillnad mot länet", "difference from the county"]
};

const COUNTY_STATUS_DOCS: Record<(typeof COUNTY_STATUS_COLUMNS)[number], Doc> = {
  indicator_id: ["indikatorns id (målindikatorer)", "indicator id (goal indicators)"],
  sex: ["kön", "sex"],
  group: ["befolkningsgrupp", "population group"],
  basis: ["county_series = länets egen serie bedöms; municipal_distribution = fördelningen över kommunerna", "county_series = the county's own series; municipal_distribution = the distribution over the municipalities"],
  window_from_year: ["första år i kommunernas trendfönster", "first year of the municipalities' trend windows"],
  window_to_year: ["sista år i kommunernas trendfönster", "last year of the municipalities' trend windows"],
  n_municipalities: ["antal kommuner i länet med värde", "municipalities in the county with a value"],
  n_improving: ["antal som förbättras", "number improving"],
  n_worsening: ["antal som försämras", "number worsening"],
  n_no_clear_change: ["antal utan säker förändring", "number with no clear change"],
  n_insufficient_data: ["antal med för kort serie", "number with too short a series"],
  county_trend: ["länsseriens egen trend (tom om Kolada inte publicerar länsvärde)", "the county series' own trend (empty without a county value)"],
  median_year: ["året medianen avser (samma som rank_year)", "the year of the median (= rank_year)"],
  median_value: ["median av kommunernas värden det året", "median of the municipalities' values that year"],
  median_n: ["antal kommuner medianen är av", "number of municipalities in the median"]
};

const COVERAGE_DOCS: Record<(typeof COVERAGE_COLUMNS)[number], Doc> = {
  goal_area: ["målområde", "goal area"],
  subgoal_id: ["delmålets id", "sub-goal id"],
  subgoal_text: ["delmålet med dokumentets ord", "the sub-goal in the document's words"],
  indicator_id: ["indikator som mäter delmålet (tom om ingen)", "indicator measuring the sub-goal (empty if none)"],
  first_year: ["första år med värde", "first year with a value"],
  latest_year: ["senaste år med värde", "latest year with a value"],
  n_years: ["antal år med värde", "number of years with a value"],
  n_areas: ["antal områden med värde", "number of areas with a value"],
  areas: ["områden med värde per nivå", "areas with a value, per level"],
  note: ["kommentar, t.ex. varför ett delmål inte kan mätas", "note, e.g. why a sub-goal cannot be measured"]
};

function columns(docs: Record<string, Doc>, lang: 0 | 1): string {
  return Object.entries(docs)
    .map(([name, doc]) => `  ${name}: ${doc[lang]}`)
    .join("\n");
}

export interface ReadmeParts {
  generatedAt: string;
  licenceNote: string;
  citation: string;
  /** "publisher: licence" lines of the sources. */
  licences: string[];
}

/** The README text (Swedish first, then a short English part), CRLF-free UTF-8. */
export function readmeText(p: ReadmeParts): string {
  const units = Object.entries(UNIT_LABEL_SV)
    .map(([code, label]) => `  ${code}: ${label}`)
    .join("\n");
  return `INTEGRATIONSINDIKATORER – JÖNKÖPINGS LÄN
Publicerad ${p.generatedAt}

FILER
  catalogue.json              mål, delmål, indikatorer (metadata, källor, filer), områden, licens, citering
  summary.csv                 en rad per indikator × område × kön × grupp: senaste värde, förändring, trend, rang, jämförelser
  county-status.csv           länets status per målindikator: länsseriens trend eller fördelningen över kommunerna, median med N
  coverage.csv                målområde → delmål → indikatorer → år och områden (även delmål som inte kan mätas)
  indicators/<id>.csv         alla värden för en indikator: UTF-8, kommatecken, decimalpunkt, rubrikrad
  indicators/<id>.excel.csv   samma rader för svenska Excel: UTF-8 med BOM, semikolon, decimalkomma
  indicators/<id>.parquet     samma rader i Parquet-format
I CSV-filerna har textceller som börjar med = + - @ fått en apostrof först så att kalkylprogram inte
tolkar dem som formler; Parquet-filerna har texten oförändrad. Tal ändras aldrig.

KOLUMNER I indicators/<id>.csv
${columns(TIDY_DOCS, 0)}

KOLUMNER I summary.csv
${columns(SUMMARY_DOCS, 0)}

KOLUMNER I county-status.csv
${columns(COUNTY_STATUS_DOCS, 0)}

KOLUMNER I coverage.csv
${columns(COVERAGE_DOCS, 0)}

ENHETER
${units}

METOD
${TREND_METHOD_SV}

Härledda tal (förändringar, lutningar, skillnader) är avrundade till sex decimaler.

LICENSER
${p.licenceNote}
${p.licences.map((l) => `  ${l}`).join("\n")}

SÅ HÄR CITERAR DU
  ${p.citation}

------------------------------------------------------------------------------
ENGLISH SUMMARY

Integration indicators for Jönköping county's integration strategy, published ${p.generatedAt}.
Files: catalogue.json (goals, indicators, sources, areas), summary.csv (latest value, changes, trend,
rank and comparisons per indicator, area, sex and group), county-status.csv (the county's status
per goal indicator), coverage.csv (which goals are measured),
and per indicator a tidy CSV (comma, decimal point), a CSV for Swedish Excel (BOM, semicolon,
decimal comma) and a Parquet file with the same rows. In the CSV files, text cells starting with
= + - @ are prefixed with an apostrophe against spreadsheet formula injection (Parquet keeps the text
as is); numbers are never altered.

Columns of indicators/<id>.csv
${columns(TIDY_DOCS, 1)}

Columns of summary.csv
${columns(SUMMARY_DOCS, 1)}

Columns of county-status.csv
${columns(COUNTY_STATUS_DOCS, 1)}

Columns of coverage.csv
${columns(COVERAGE_DOCS, 1)}

Method
${TREND_METHOD_EN}

Derived numbers (changes, slopes, differences) are rounded to six decimals.

Licences: the statistics follow their publishers' terms (listed above); the compiled files may be
reused freely with attribution. Cite as:
  ${p.citation}
`;
}
