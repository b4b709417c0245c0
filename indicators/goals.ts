/**
 * The goals the indicators follow, as data. Structure: the six focus areas of the county strategy
 * (seed 000, "Strategi för integrationsarbetet i Jönköpings län 2015-2020"); folder name under indicators/ = id.
 * The county text names the areas only, so the goals under each area are quoted from Tranås kommun's programme
 * (seed 004, which follows the county strategy: a focus goal and sub-goals per area) and, for work, from
 * Jönköpings kommun (seed 002). Quotes are verbatim but for line breaks and doubled spaces (the registry test
 * checks them against the seeds). An indicator links a sub-goal through its `subgoals`; an indicator with no
 * sub-goal measures the area's focus goal. A sub-goal no public statistic measures says why.
 */
import {z} from "zod";
import {GoalArea} from "./define.js";

/** The county strategy's vision, quoted. */
export const VISION =
  "Ett samhälle som präglas av lika rättigheter, möjligheter och skyldigheter oavsett etnisk och kulturell bakgrund.";

/** The county strategy's overall goal, quoted. */
export const OVERALL_GOAL = "Integrationsstrategins övergripande mål är välfungerande integration i Jönköpings län.";

/** What the county text says of focus area n: its name and place, nothing more. */
function countyText(n: number, note = ""): string {
  return (
    `Fokusområde ${n} av sex i Strategi för integrationsarbetet i Jönköpings län 2015–2020. ` +
    "Strategitexten namnger området men formulerar inga egna mål för det; målen här är Tranås kommuns, " +
    `vars integrationspolitiska program följer länsstrategin.${note}`
  );
}

const TRANAS = "Tranås kommun" as const;
const JONKOPING = "Jönköpings kommun" as const;

export const GOALS: GoalArea[] = z.array(GoalArea).parse([
  {
    id: "utbildning",
    order: 1,
    kind: "goal_area",
    title: "Utbildning",
    county_text: countyText(1),
    tranas_focus_goal: "Säkerställa alla barns och elevers rätt till hög kvalitet gällande förskola och skolgång.",
    subgoals: [
      {
        id: "utb.tranas-1",
        text: "Ökad kompetens om regelverk, andraspråksinlärning, flerspråkighet och kunskapsutveckling om nyanlända för personal och beslutsfattare.",
        document: TRANAS,
        not_measurable_reason:
          "Personalens och beslutsfattarnas kompetens om regelverk, andraspråksinlärning och flerspråkighet redovisas inte i någon offentlig statistik. Den kan följas bara med kommunens egna uppgifter om kompetensutveckling eller en personalenkät."
      },
      {
        id: "utb.tranas-2",
        text: "Ökad samverkan gällande modersmålsundervisning och studievägledning på modersmål.",
        document: TRANAS,
        not_measurable_reason:
          "Målet gäller samverkan, en arbetsprocess som ingen statistik mäter. Skolverket redovisar hur många elever som deltar i modersmålsundervisning, men det säger inget om samverkan, och studiehandledning på modersmål redovisas inte per kommun."
      },
      {
        id: "utb.tranas-3",
        text: "Ökad kunskap om, och möjlighet till, kartläggning och validering av nyanlända barns och elevers kunskaper.",
        document: TRANAS,
        not_measurable_reason:
          "Kartläggning av nyanlända elevers kunskaper (Skolverkets kartläggningsmaterial) redovisas inte i offentlig statistik; det kräver skolornas egna uppgifter. Andelen nyanlända elever finns som sammanhang under Befolkning och mottagande."
      },
      {
        id: "utb.tranas-4",
        text: "Verka för en god elevhälsa och ökad samverkan kring barns och elevers hälsa.",
        document: TRANAS,
        not_measurable_reason: null
      }
    ]
  },
  {
    id: "arbete-och-vuxenutbildning",
    order: 2,
    kind: "goal_area",
    title: "Arbete och vuxenutbildning",
    county_text: countyText(
      2,
      " Tranås kallar området ”Arbete och studier”. Här står också Jönköpings kommuns mål för integrationen, som alla gäller arbete och svenskundervisning."
    ),
    tranas_focus_goal: "Skapa förutsättningar för alla att bli självförsörjande och delaktiga medborgare.",
    subgoals: [
      {
        id: "arb.tranas-1",
        text: "Utvecklad och ökad validering och matchning för att tillvarata befintlig kompetens.",
        document: TRANAS,
        not_measurable_reason:
          "Validering och matchning räknas inte per kommun i någon offentlig statistik (validering redovisas bara för landet eller regionen); det kräver uppgifter från kommunen, Arbetsförmedlingen eller utbildningsanordnarna."
      },
      {
        id: "arb.tranas-2",
        text: "Tillgång till en kvalitativ studie- och yrkesvägledning i samverkan med aktörer i etableringsreformen och andra berörda parter.",
        document: TRANAS,
        not_measurable_reason: null
      },
      {
        id: "arb.tranas-3",
        text: "Tillgång till utbildning utifrån individens behov.",
        document: TRANAS,
        not_measurable_reason: null
      },
      {
        id: "arb.tranas-4",
        text: "Ge kunskap om det svenska samhället.",
        document: TRANAS,
        not_measurable_reason:
          "Samhällsorientering för nyanlända rapporteras av kommunerna till länsstyrelsen men publiceras inte som statistik per kommun (det finns inget Kolada-nyckeltal); kunskapen i sig mäts inte alls."
      },
      {
        id: "arb.tranas-5",
        text: "Ökad kunskap inom området mångfald och tillväxt hos kommunens näringsliv.",
        document: TRANAS,
        not_measurable_reason:
          "Näringslivets kunskap om mångfald och tillväxt mäts inte i någon offentlig statistik; det kräver en egen enkät till företagen, t.ex. i kommunens näringslivsenkät."
      },
      {
        id: "arb.jonkoping-1",
        text: "Det viktigaste kommunmålet för integration är att alla ska kunna bidra till kommunens tillväxt och utveckling; att förvärvsarbetandet hos kvinnor och män ökar.",
        document: JONKOPING,
        not_measurable_reason: null
      },
      {
        id: "arb.jonkoping-2",
        text: "Kommunen söker också öka antalet utrikes födda medarbetare så att det återspeglar befolkningssammansättningen.",
        document: JONKOPING,
        not_measurable_reason: null
      },
      {
        id: "arb.jonkoping-3",
        text: "För att lyckas med detta söker man också främja deras karriärmöjligheter upp i organisationen; att mångfald främjas i alla led av organisationen.",
        document: JONKOPING,
        not_measurable_reason:
          "SKR:s personalstatistik ger andelen utrikes födda bland alla kommunanställda (se balanstalet under detta område), men ingen offentlig statistik redovisar utrikes föddas andel per befattningsnivå, t.ex. bland chefer, i kommunens organisation. Det kräver kommunens egna personaluppgifter."
      },
      {
        id: "arb.jonkoping-4",
        text: "Detta kräver en undervisning i svenska med god kvalité och utbildningar som tjänar arbetsmarknadens behov.",
        document: JONKOPING,
        not_measurable_reason: null
      }
    ]
  },
  {
    id: "social-sammanhallning",
    order: 3,
    kind: "goal_area",
    title: "Social sammanhållning",
    county_text: countyText(3),
    tranas_focus_goal: "Ett inkluderande samhälle för alla.",
    subgoals: [
      {
        id: "soc.tranas-1",
        text: "Varierat utbud av och tillgänglighet till olika mötesplatser.",
        document: TRANAS,
        not_measurable_reason: null
      },
      {
        id: "soc.tranas-2",
        text: "Ökad delaktighet och engagemang i civilsamhället.",
        document: TRANAS,
        not_measurable_reason: null
      },
      {
        id: "soc.tranas-3",
        text: "Ökad kunskap och förståelse mellan människor.",
        document: TRANAS,
        not_measurable_reason: null
      },
      {
        id: "soc.tranas-4",
        text: "Ge barn och ungdomar kunskap om det svenska samhället.",
        document: TRANAS,
        not_measurable_reason:
          "Barns och ungas kunskap om samhället mäts bara i enkäter som kommunen själv gör (t.ex. MUCF:s LUPP-enkät); de publiceras inte enhetligt per kommun."
      }
    ]
  },
  {
    id: "ensamkommande-barn",
    order: 4,
    kind: "goal_area",
    title: "Ensamkommande barn",
    county_text: countyText(4),
    tranas_focus_goal:
      "Hög kvalitet i mottagande för ensamkommande flyktingbarn som ger dem förutsättningar att bli delaktiga medborgare i Tranås kommun.",
    subgoals: [
      {
        id: "ens.tranas-1",
        text: "Verka för en trygg boendemiljö.",
        document: TRANAS,
        not_measurable_reason:
          "Ingen offentlig statistik beskriver boendemiljön för ensamkommande barn; IVO:s tillsyn av HVB och stödboenden redovisas som tillsynsbeslut, inte som statistik."
      },
      {
        id: "ens.tranas-2",
        text: "Ökad samverkan mellan aktörer runt de ensamkommande barnen.",
        document: TRANAS,
        not_measurable_reason:
          "Målet gäller samverkan mellan aktörer, en arbetsprocess som ingen statistik mäter; den kan följas med dokumentation och intervjuer."
      },
      {
        id: "ens.tranas-3",
        text: "Erbjuda utbildning utifrån individens behov och förutsättningar.",
        document: TRANAS,
        not_measurable_reason: null
      },
      {
        id: "ens.tranas-4",
        text: "Skapa förutsättningar för god hälsa och meningsfull fritid.",
        document: TRANAS,
        not_measurable_reason:
          "Hälsa och fritid redovisas inte för ensamkommande barn i offentlig statistik. Befolkningens hälsa finns under Hälsa och ungas deltagande i idrottsföreningar under Social sammanhållning, men utan uppdelning efter bakgrund."
      },
      {
        id: "ens.tranas-5",
        text: "Verka för tillgång till ett tryggt nätverk och vuxna förebilder.",
        document: TRANAS,
        not_measurable_reason:
          "Tillgång till nätverk och vuxna förebilder mäts bara i enkäter. Antalet ensamkommande barn med god man beskriver hur många barnen är, inte nätverkens kvalitet."
      }
    ]
  },
  {
    id: "bostader",
    order: 5,
    kind: "goal_area",
    title: "Bostäder",
    county_text: countyText(5),
    tranas_focus_goal: "Tillgång till bostäder utifrån ett mångfaldsperspektiv och bostadsförsörjningsprogrammet.",
    subgoals: [
      {
        id: "bos.tranas-1",
        text: "Bättre förutsättningar för boende inom hela kommunen.",
        document: TRANAS,
        not_measurable_reason: null
      },
      {
        id: "bos.tranas-2",
        text: "Verka för delaktighet och integration i bostadsområden.",
        document: TRANAS,
        not_measurable_reason: null
      },
      {
        id: "bos.tranas-3",
        text: "Samverkan med alla aktörer på bostadsmarknaden.",
        document: TRANAS,
        not_measurable_reason:
          "Samverkan med aktörerna på bostadsmarknaden är en arbetsprocess som ingen statistik mäter; Boverkets bostadsmarknadsenkät visar kommunens bedömning av läget, inte samverkan."
      }
    ]
  },
  {
    id: "halsa",
    order: 6,
    kind: "goal_area",
    title: "Hälsa",
    county_text: countyText(6),
    tranas_focus_goal: "God fysisk, psykisk och social hälsa.",
    subgoals: [
      {
        id: "hal.tranas-1",
        text: "Ökad tillgänglighet till förebyggande insatser i närsamhället.",
        document: TRANAS,
        not_measurable_reason: null
      },
      {
        id: "hal.tranas-2",
        text: "Ge ökad kunskap om egenvård och hälsofrämjande livsstil.",
        document: TRANAS,
        not_measurable_reason:
          "Kunskap om egenvård och hälsofrämjande livsstil mäts inte i offentlig statistik per kommun; levnadsvanor finns i Folkhälsomyndighetens enkät Hälsa på lika villkor, i regel bara för länet."
      },
      {
        id: "hal.tranas-3",
        text: "Förbättrat stöd till utrikes födda som blivit utsatta för våld i en nära relation samt utsatta för hedersrelaterat våld och förtryck och ökat förebyggande arbete kring detta.",
        document: TRANAS,
        not_measurable_reason:
          "Ingen offentlig statistik redovisar stöd till utrikes födda som utsatts för våld i nära relation eller hedersrelaterat våld. Kolada har nyckeltal om socialtjänstens insatser vid sådant våld (U30750, U30751), men utan uppdelning efter födelseland och bara för de få kommuner som svarar på undersökningen."
      }
    ]
  },
  {
    id: "kontext",
    order: 7,
    kind: "context",
    title: "Befolkning och mottagande",
    county_text:
      "Inget fokusområde i strategin. Indikatorerna här beskriver befolkningen – utrikes födda, flyktingmottagande, asylsökande och nyanlända – och ger sammanhang åt målindikatorerna; de har ingen önskad riktning.",
    tranas_focus_goal: null,
    subgoals: []
  }
]);

/** The goal area with this id; throws when there is none. */
export function goalById(id: string): GoalArea {
  const goal = GOALS.find((g) => g.id === id);
  if (!goal) throw new Error(`no goal area with id '${id}' in indicators/goals.ts`);
  return goal;
}
