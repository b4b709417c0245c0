/**
 * Caveats several indicators share (Swedish, shown on the site), so that one wording serves them all.
 * An indicator lists them among its own in `caveats`, e.g. `caveats: [CAVEATS.healthSurvey, "…"]`.
 * `pandemic` belongs to every indicator with a value in 2020 or 2021 inside its trend window (a real-data test checks it).
 */

/** Comparison notes of survey indicators (`comparisons.note_sv`): like with like, participants only. */
export const SURVEY_COMPARISON_NOTE_SV =
  "Jämförs bara med de kommuner som deltog i undersökningen samma år (medianen av dem, med antalet angivet). Koladas länsvärde bygger inte på samma kommuner och används inte.";

export const CAVEATS = {
  smallMunicipalities:
    "Små kommuner saknar värden de år underlaget är för litet; värdet visas då som saknat, aldrig som 0.",
  refugees:
    "Skyddsbehövande och deras anhöriga (flyktingar, inklusive kvotflyktingar) oavsett hur länge de bott i Sverige.",
  notByBackground:
    "Nyckeltalet är inte uppdelat efter födelseland eller bakgrund: det beskriver hela befolkningen, inte utrikes födda särskilt.",
  notByBackgroundPupils:
    "Nyckeltalet är inte uppdelat efter födelseland eller bakgrund: det beskriver alla elever, inte nyanlända eller utrikes födda särskilt.",
  healthSurvey:
    "Enkätbaserat (Folkhälsomyndighetens Hälsa på lika villkor): för kommuner ett medelvärde över fyra år (T-3 till T) med tilläggsurval som förekommer oregelbundet. Osäkert för små kommuner, som saknar värden vissa år.",
  citizenSurvey:
    "Från SCB:s medborgarundersökning, som kommunerna själva väljer att delta i: värden finns bara för de kommuner som deltog ett visst år. Vilka kommuner som deltog läses ur data och anges nedan.",
  pupilSurvey:
    "Från Skolinspektionens elevenkät, som varje kommun deltar i vartannat år: värden finns bara för de kommuner som deltog ett visst år (de anges nedan, lästa ur data). För kommuner gäller värdet bara kommunala skolor, för riket alla skolor.",
  electionYearsOnly:
    "Bara valår visas: Kolada upprepar senaste valets värde åren mellan valen, och de upprepade värdena räknas inte som nya mätningar.",
  comparisonIncludesForeignBorn:
    "Jämförelsegruppen är hela befolkningen 20–64 år (N02267), där utrikes födda ingår, så gapet är mindre än gapet mot inrikes födda. Kolada publicerar N02269 (sysselsättningsgrad, inrikes födda 20–64 år); den finns inte i nuvarande dataunderlag men bör bli jämförelsegrupp när den hämtas.",
  pandemic:
    "Pandemiåren 2020–2021 ligger i tidsfönstret: covid-19 påverkade bland annat arbetsmarknad, skola, vård och mottagande, så en förändring över de åren kan spegla tillfälliga effekter snarare än en varaktig utveckling.",
  balanceRatioTarget:
    "Målet är balanstalet 1 (samma andel som i befolkningen), inte så högt som möjligt; över 1 betyder en högre andel utrikes födda än i befolkningen."
} as const;
