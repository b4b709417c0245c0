/** Swedish labels for the codes used in the published files. */
import type {Direction, Group, Sex, TrendStatus} from "../../indicators/published.js";

export const SEX_LABEL: Record<Sex, string> = {T: "Totalt", K: "Kvinnor", M: "Män"};

export const GROUP_LABEL: Record<Group, string> = {
  all: "Samtliga",
  foreign_born: "Utrikes födda",
  born_in_sweden: "Inrikes födda",
  gap: "Skillnad mellan utrikes födda och jämförelsegruppen",
  refugees: "Skyddsbehövande och anhöriga",
  newly_arrived: "Nyanlända",
  excl_newly_arrived: "Exklusive nyinvandrade"
};

/** The gap label names the comparison group the catalogue declares. */
export function gapLabel(comparison: "all" | "born_in_sweden" | null): string {
  return comparison === "born_in_sweden"
    ? "Skillnad: utrikes födda − inrikes födda"
    : comparison === "all"
      ? "Skillnad: utrikes födda − samtliga"
      : GROUP_LABEL.gap;
}

export const DIRECTION_LABEL: Record<Direction, string> = {
  higher_is_better: "Högre värde är bättre",
  lower_is_better: "Lägre värde är bättre",
  target: "Målet är ett värde (närmare målet är bättre)",
  none: "Ingen önskad riktning (beskriver läget)"
};

/** Words for the base units of the neighbourhood files (areas/comparisons.csv `base_unit`). */
export const BASE_UNIT_LABEL: Record<string, string> = {persons: "personer", dwellings: "lägenheter", households: "hushåll", "": ""};

/** Level names for area_level. */
export const LEVEL_LABEL: Record<string, string> = {
  country: "Riket", county: "Län", municipality: "Kommun", regso: "RegSO-område", deso: "DeSO-område"
};

/** Area types 1–5 of SCB/Delmos (Boverket's Segregationsbarometern), used when the area catalogue has none. */
export const AREA_TYPE_LABEL: Record<number, string> = {
  1: "Områden med stora socioekonomiska utmaningar",
  2: "Områden med socioekonomiska utmaningar",
  3: "Socioekonomiskt blandade områden",
  4: "Områden med goda socioekonomiska förutsättningar",
  5: "Områden med mycket goda socioekonomiska förutsättningar"
};

/** Icon and word for each trend status: status is never told by colour alone. */
export const TREND: Record<TrendStatus, {icon: string; word: string; description: string}> = {
  improving: {icon: "▲", word: "Förbättras", description: "Lutningen går åt önskat håll, är tillräckligt stor och går att skilja från slumpen (t-test, 5 %)"},
  worsening: {icon: "▼", word: "Försämras", description: "Lutningen går åt fel håll, är tillräckligt stor och går att skilja från slumpen (t-test, 5 %)"},
  no_clear_change: {icon: "■", word: "Ingen säker förändring", description: "Förändringen är för liten eller går inte att skilja från slumpens variation"},
  insufficient_data: {icon: "…", word: "För kort serie", description: "Färre än fyra oberoende värden (eller bara två val): ingen bedömning"},
  not_applicable: {icon: "○", word: "Ej bedömd", description: "Indikatorn beskriver läget och har inget mål"}
};
