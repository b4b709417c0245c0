/**
 * Caveats several indicators share (Swedish, shown on the site), so that one wording serves them all.
 * An indicator lists them among its own in `caveats`, e.g. `caveats: [CAVEATS.healthSurvey, "…"]`.
 */
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
    "Från SCB:s medborgarundersökning: finns bara för kommuner som deltog det året (i nuvarande data Jönköping 2021 och Tranås 2022), så kommunerna kan jämföras bara för samma år.",
  pupilSurvey:
    "Från Skolinspektionens elevenkät, som varje kommun deltar i vartannat år: i nuvarande data finns bara 2022, för några av länets kommuner (inte Jönköping eller Tranås). För kommuner gäller värdet bara kommunala skolor, för riket alla skolor.",
  electionYearsOnly:
    "Bara valår visas: Kolada upprepar senaste valets värde åren mellan valen, och de upprepade värdena räknas inte som nya mätningar.",
  comparisonIncludesForeignBorn:
    "Jämförelsegruppen är hela befolkningen 20–64 år (N02267), där utrikes födda ingår, så gapet är mindre än gapet mot inrikes födda. Kolada publicerar N02269 (sysselsättningsgrad, inrikes födda 20–64 år); den finns inte i nuvarande dataunderlag men bör bli jämförelsegrupp när den hämtas.",
  balanceRatioTarget:
    "Målet är balanstalet 1 (samma andel som i befolkningen), inte så högt som möjligt; över 1 betyder en högre andel utrikes födda än i befolkningen."
} as const;
