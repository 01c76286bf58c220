/**
 * Country codes: the ISO 3166-1 alpha-2 list, checking a code, reading one from a locale, and dialling a
 * number. Small on purpose: the web app loads this on every page and the care routes only where needed.
 */

/** Every officially assigned ISO 3166-1 alpha-2 code (249, as in tzdata's iso3166.tab). */
const ISO_CODES = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY ' +
    'BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK ' +
    'FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR ' +
    'IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ' +
    'ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM ' +
    'PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF ' +
    'TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
  ).split(' '),
);

/** Codes people use that ISO spells differently. */
export const ALIASES: Readonly<Record<string, string>> = { UK: 'GB' };

/** Whether a string is an assigned ISO 3166-1 alpha-2 code (upper case). */
export const isCountryCode = (code: string): boolean => ISO_CODES.has(code);

/** Every assigned code, in alphabetical order. */
export const isoCodes = (): string[] => [...ISO_CODES];

/**
 * The country of a locale, when it names one: `en-GB`, `en_US.UTF-8`, `fr-CA`, `zh-Hant-TW`,
 * `de_DE@euro`. A language alone (`de`), a numeric region (`es-419`) and `C`/`POSIX` give undefined.
 * @example countryFromLocale('en_GB.UTF-8') // 'GB'
 */
export function countryFromLocale(locale: string): string | undefined {
  const tag = locale.trim().split(/[.@]/)[0]?.replace(/_/g, '-') ?? '';
  const m = /^[a-z]{2,3}(?:-[a-z]{4})?-([a-z]{2})(?:-|$)/i.exec(tag);
  if (!m?.[1]) return undefined;
  const upper = m[1].toUpperCase();
  const code = ALIASES[upper] ?? upper;
  return ISO_CODES.has(code) ? code : undefined;
}

/** A number as a `tel:` link target: digits (and a leading +) only. */
export const telHref = (number: string): string => `tel:${number.replace(/[^\d+]/g, '')}`;

/** A country's name as it reads after "in" or "for": "the United Kingdom", "Australia". */
export const placeName = (name: string): string =>
  /^(United |Netherlands$|Czech Republic$|Philippines$)/.test(name) ? `the ${name}` : name;

/**
 * The emergency number alone, for the footer on every page (the full routes load only where needed).
 * A test checks it agrees with the care routes for every country.
 */
const EMERGENCY_NUMBERS: Readonly<Record<string, string>> = {
  GB: '999',
  IE: '112',
  US: '911',
  CA: '911',
  AU: '000',
  NZ: '111',
};
export const emergencyNumberFor = (code: string | undefined): string =>
  (code && EMERGENCY_NUMBERS[code]) || '112';
