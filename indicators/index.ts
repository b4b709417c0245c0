/**
 * The registry: every indicator of the goal areas and the context group, imported explicitly (no directory
 * scan), in goal order and by id within a goal. Neighbourhood indicators (indicators/omraden/) are not here.
 */
import type {Indicator} from "./define.js";
import barnIForskola from "./utbildning/barn-i-forskola.js";
import behorigaYrkesprogram from "./utbildning/behoriga-yrkesprogram.js";
import behorigaYrkesprogramUtanNyinvandrade from "./utbildning/behoriga-yrkesprogram-utan-nyinvandrade.js";
import elevhalsaAk5 from "./utbildning/elevhalsa-ak5.js";
import elevhalsaAk8 from "./utbildning/elevhalsa-ak8.js";
import gymnasieexamenInom4Ar from "./utbildning/gymnasieexamen-inom-4-ar.js";
import flyktingarIArbeteEllerStudier from "./arbete-och-vuxenutbildning/flyktingar-i-arbete-eller-studier.js";
import forsorjningsstodBlandFlyktingar from "./arbete-och-vuxenutbildning/forsorjningsstod-bland-flyktingar.js";
import forvarvsarbetandeFlyktingar from "./arbete-och-vuxenutbildning/forvarvsarbetande-flyktingar.js";
import forvarvsarbetandeFlyktingar46ArISverige from "./arbete-och-vuxenutbildning/forvarvsarbetande-flyktingar-4-6-ar-i-sverige.js";
import forvarvsarbetandeUtrikesFoddaRams from "./arbete-och-vuxenutbildning/forvarvsarbetande-utrikes-fodda-rams.js";
import nyanlandaIArbeteEllerStudierEfterEtablering from "./arbete-och-vuxenutbildning/nyanlanda-i-arbete-eller-studier-efter-etablering.js";
import sfiEleverIArbeteAretEfter from "./arbete-och-vuxenutbildning/sfi-elever-i-arbete-aret-efter.js";
import sfiKlaratMinstTvaKurser from "./arbete-och-vuxenutbildning/sfi-klarat-minst-tva-kurser.js";
import sfiLarareMedLegitimation from "./arbete-och-vuxenutbildning/sfi-larare-med-legitimation.js";
import sfiOchKomvuxSamtidigt from "./arbete-och-vuxenutbildning/sfi-och-komvux-samtidigt.js";
import sysselsattningsgradUtrikesFodda from "./arbete-och-vuxenutbildning/sysselsattningsgrad-utrikes-fodda.js";
import utrikesFoddaAnstalldaAndel from "./arbete-och-vuxenutbildning/utrikes-fodda-anstallda-andel.js";
import utrikesFoddaAnstalldaBalanstal from "./arbete-och-vuxenutbildning/utrikes-fodda-anstallda-balanstal.js";
import deltagandeIIdrottsforeningar from "./social-sammanhallning/deltagande-i-idrottsforeningar.js";
import kommunensArbeteForIntegrationEnligtInvanarna from "./social-sammanhallning/kommunens-arbete-for-integration-enligt-invanarna.js";
import kommunensArbeteMotDiskrimineringEnligtInvanarna from "./social-sammanhallning/kommunens-arbete-mot-diskriminering-enligt-invanarna.js";
import kulturskolanHarKurserForNyinvandrade from "./social-sammanhallning/kulturskolan-har-kurser-for-nyinvandrade.js";
import saknarTillitTillAndra from "./social-sammanhallning/saknar-tillit-till-andra.js";
import studieforbundensKulturverksamhet from "./social-sammanhallning/studieforbundens-kulturverksamhet.js";
import utrikesFoddaIKommunfullmaktige from "./social-sammanhallning/utrikes-fodda-i-kommunfullmaktige.js";
import utsattaForKrankandeBehandling from "./social-sammanhallning/utsatta-for-krankande-behandling.js";
import valdeltagandeIValdistriktetMedLagstDeltagande from "./social-sammanhallning/valdeltagande-i-valdistriktet-med-lagst-deltagande.js";
import valdeltagandeUtrikesOchInrikesFodda from "./social-sammanhallning/valdeltagande-utrikes-och-inrikes-fodda.js";
import anvisadeEnsamkommandeBarn from "./ensamkommande-barn/anvisade-ensamkommande-barn.js";
import ensamkommandeBarnMedGodMan from "./ensamkommande-barn/ensamkommande-barn-med-god-man.js";
import ungaFlyktingarSomVarkenArbetarEllerStuderar from "./ensamkommande-barn/unga-flyktingar-som-varken-arbetar-eller-studerar.js";
import blandningAvBakgrunderViktigIBoendemiljon from "./bostader/blandning-av-bakgrunder-viktig-i-boendemiljon.js";
import bostadsmarknadslaget from "./bostader/bostadsmarknadslaget.js";
import godaMojligheterAttGeAnvisadeNyanlandaBostad from "./bostader/goda-mojligheter-att-ge-anvisade-nyanlanda-bostad.js";
import nybyggdaBostaderIFlerbostadshus from "./bostader/nybyggda-bostader-i-flerbostadshus.js";
import otrygghetIBostadsomradet from "./bostader/otrygghet-i-bostadsomradet.js";
import trangboddhet from "./bostader/trangboddhet.js";
import vrakningar from "./bostader/vrakningar.js";
import allvarligPsykiskPafrestning from "./halsa/allvarlig-psykisk-pafrestning.js";
import braSjalvskattadHalsa from "./halsa/bra-sjalvskattad-halsa.js";
import gottPsykisktValbefinnande from "./halsa/gott-psykiskt-valbefinnande.js";
import mprVaccinerade2Aringar from "./halsa/mpr-vaccinerade-2-aringar.js";
import ohalsotal from "./halsa/ohalsotal.js";
import utsattaForValdEllerHot from "./halsa/utsatta-for-vald-eller-hot.js";
import asylsokande from "./kontext/asylsokande.js";
import asylsokandePer1000Invanare from "./kontext/asylsokande-per-1000-invanare.js";
import flyktingarMedKortVistelsetid from "./kontext/flyktingar-med-kort-vistelsetid.js";
import kommunmottagnaFlyktingar from "./kontext/kommunmottagna-flyktingar.js";
import kommunmottagnaFlyktingarPer1000Invanare from "./kontext/kommunmottagna-flyktingar-per-1000-invanare.js";
import komvuxEleverFoddaUtomlands from "./kontext/komvux-elever-fodda-utomlands.js";
import nyanlandaVuxnaKortVistelsetid from "./kontext/nyanlanda-vuxna-kort-vistelsetid.js";
import nyinvandradeEleverIGrundskolan from "./kontext/nyinvandrade-elever-i-grundskolan.js";
import utrikesFodda from "./kontext/utrikes-fodda.js";
import utrikesFodda1864Ar from "./kontext/utrikes-fodda-18-64-ar.js";
import utrikesFoddaUtanforEuEfta from "./kontext/utrikes-fodda-utanfor-eu-efta.js";

export const INDICATORS: Indicator[] = [
  barnIForskola,
  behorigaYrkesprogram,
  behorigaYrkesprogramUtanNyinvandrade,
  elevhalsaAk5,
  elevhalsaAk8,
  gymnasieexamenInom4Ar,
  flyktingarIArbeteEllerStudier,
  forsorjningsstodBlandFlyktingar,
  forvarvsarbetandeFlyktingar,
  forvarvsarbetandeFlyktingar46ArISverige,
  forvarvsarbetandeUtrikesFoddaRams,
  nyanlandaIArbeteEllerStudierEfterEtablering,
  sfiEleverIArbeteAretEfter,
  sfiKlaratMinstTvaKurser,
  sfiLarareMedLegitimation,
  sfiOchKomvuxSamtidigt,
  sysselsattningsgradUtrikesFodda,
  utrikesFoddaAnstalldaAndel,
  utrikesFoddaAnstalldaBalanstal,
  deltagandeIIdrottsforeningar,
  kommunensArbeteForIntegrationEnligtInvanarna,
  kommunensArbeteMotDiskrimineringEnligtInvanarna,
  kulturskolanHarKurserForNyinvandrade,
  saknarTillitTillAndra,
  studieforbundensKulturverksamhet,
  utrikesFoddaIKommunfullmaktige,
  utsattaForKrankandeBehandling,
  valdeltagandeIValdistriktetMedLagstDeltagande,
  valdeltagandeUtrikesOchInrikesFodda,
  anvisadeEnsamkommandeBarn,
  ensamkommandeBarnMedGodMan,
  ungaFlyktingarSomVarkenArbetarEllerStuderar,
  blandningAvBakgrunderViktigIBoendemiljon,
  bostadsmarknadslaget,
  godaMojligheterAttGeAnvisadeNyanlandaBostad,
  nybyggdaBostaderIFlerbostadshus,
  otrygghetIBostadsomradet,
  trangboddhet,
  vrakningar,
  allvarligPsykiskPafrestning,
  braSjalvskattadHalsa,
  gottPsykisktValbefinnande,
  mprVaccinerade2Aringar,
  ohalsotal,
  utsattaForValdEllerHot,
  asylsokande,
  asylsokandePer1000Invanare,
  flyktingarMedKortVistelsetid,
  kommunmottagnaFlyktingar,
  kommunmottagnaFlyktingarPer1000Invanare,
  komvuxEleverFoddaUtomlands,
  nyanlandaVuxnaKortVistelsetid,
  nyinvandradeEleverIGrundskolan,
  utrikesFodda,
  utrikesFodda1864Ar,
  utrikesFoddaUtanforEuEfta
];

/** Every input id the indicators read ("kolada:N02268", …), sorted and unique. */
export function allInputs(): string[] {
  return [...new Set(INDICATORS.flatMap((indicator) => indicator.inputs))].sort();
}
