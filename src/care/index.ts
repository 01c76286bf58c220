/**
 * Where to get help, by country: the emergency number, the same-day routes and the routine ones. Pure
 * data and functions (no I/O), shared by the CLI, the server and the web app. Every entry names the pages
 * its numbers were checked against, so a reviewer can audit them without reading code. Countries without
 * an entry get the generic wording: their local emergency number, with 112 as the number that works in
 * many countries.
 */
import { badInput } from '../errors.js';
import { ALIASES, isCountryCode, isoCodes } from './codes.js';

export { countryFromLocale, isCountryCode, isoCodes, placeName, telHref } from './codes.js';

/** A number to call, with the name people know it by. `number` is as it is dialled, spaces allowed. */
export type CareCall = { label: string; number: string };

/** The care routes for one country (or the generic ones when the country is not known). */
export type CareRoutes = {
  /** ISO 3166-1 alpha-2 code; absent when the country is not known. */
  country?: string;
  /** The country's name in English; absent when the country is not known. */
  countryName?: string;
  /** True when the country has its own routes; false for the generic wording (112, "your local …"). */
  specific: boolean;
  emergency: {
    number: string;
    /** What the number is, in plain words. */
    label: string;
    /** Other emergency numbers that work just as well. */
    also?: string[];
    /** The sentence that leads an emergency result: "Call 999 now." */
    text: string;
  };
  /** Getting seen today (an urgent result). */
  sameDay: { text: string; calls: CareCall[] };
  /** Booking a physical therapist or doctor (a clinician result). */
  routine: { text: string };
  /** Where the numbers were checked. */
  source: CareSource;
};

/** Where an entry's numbers were checked, and when. */
export type CareSource = { checked: string; note: string; urls: string[] };

type Entry = Omit<CareRoutes, 'country' | 'countryName' | 'specific'> & { name: string };

const CHECKED = '2026-11-28';

const EU_SOURCE: CareSource = {
  checked: CHECKED,
  note: '112 is the single European emergency number and works from any phone in every EU member state, alongside any national numbers. Same-day and routine wording is generic on purpose.',
  urls: [
    'https://digital-strategy.ec.europa.eu/en/policies/112',
    'http://europa.eu/rapid/press-release_MEMO-05-363_en.htm',
  ],
};

/** The EU generic routes: 112 and plain same-day wording. */
const eu = (name: string): Entry => ({
  name,
  emergency: { number: '112', label: 'Emergency services', text: 'Call 112 now.' },
  sameDay: {
    text: 'Get seen by a doctor today: ask your doctor for a same-day appointment, or use the local out-of-hours doctor service when the practice is closed.',
    calls: [],
  },
  routine: { text: 'Book an appointment with your doctor or a physiotherapist.' },
  source: EU_SOURCE,
});

/** The reviewable table: one entry per country with its own routes. */
export const careData: Readonly<Record<string, Entry>> = {
  GB: {
    name: 'United Kingdom',
    emergency: { number: '999', label: 'Emergency services', also: ['112'], text: 'Call 999 now.' },
    sameDay: {
      text: 'Get seen today: call NHS 111 (NHS 24 on 111 in Scotland) or use 111.nhs.uk, or ask your GP practice for an urgent same-day appointment. In Northern Ireland, call your GP or the GP out-of-hours service.',
      calls: [{ label: 'NHS 111', number: '111' }],
    },
    routine: {
      text: 'Book an appointment with your GP or a physiotherapist; many areas let you refer yourself to NHS physiotherapy.',
    },
    source: {
      checked: CHECKED,
      note: '999 for life-threatening emergencies (112 also works in the UK); NHS 111 by phone or online when you need help fast but it is not a 999 emergency (England; NHS 24 on 111 in Scotland; NHS 111 Wales). Northern Ireland has no NHS 111 for this: GP out-of-hours. NHS physiotherapy self-referral is offered in some areas only.',
      urls: [
        'https://www.nhs.uk/nhs-services/urgent-and-emergency-care-services/when-to-use-111/',
        'https://111.nhs.uk/',
        'https://gpoutofhours.hscni.net/service-standards-for-gp-out-of-hours/',
        'https://www.nhs.uk/tests-and-treatments/physiotherapy/',
      ],
    },
  },
  IE: {
    name: 'Ireland',
    emergency: { number: '112', label: 'Emergency services', also: ['999'], text: 'Call 112 or 999 now.' },
    sameDay: {
      text: "Get seen today: call your GP for an urgent appointment; when the surgery is closed, call your GP out-of-hours service (the number is on your GP's phone message).",
      calls: [],
    },
    routine: { text: 'Book an appointment with your GP or a chartered physiotherapist.' },
    source: {
      checked: CHECKED,
      note: 'Ambulance on 999 or 112, both free. Urgent care outside surgery hours is the GP out-of-hours service (by appointment after a nurse call).',
      urls: [
        'https://www.citizensinformation.ie/en/health/health-system/emergency-health-services-in-ireland/',
        'https://www.citizensinformation.ie/en/health/health-services/gp-and-hospital-services/gp-out-of-hours-service/',
        'https://www2.hse.ie/services/gp-out-of-hours-services/',
      ],
    },
  },
  US: {
    name: 'United States',
    emergency: { number: '911', label: 'Emergency services', text: 'Call 911 now.' },
    sameDay: {
      text: "Get seen today: call your doctor's office for a same-day appointment, or go to an urgent care center.",
      calls: [],
    },
    routine: { text: 'Book an appointment with your doctor or a physical therapist.' },
    source: {
      checked: CHECKED,
      note: '911 for emergencies; an urgent care clinic or your own provider when it is not life-threatening but cannot wait.',
      urls: ['https://www.911.gov/', 'https://medlineplus.gov/ency/patientinstructions/000593.htm'],
    },
  },
  CA: {
    name: 'Canada',
    emergency: { number: '911', label: 'Emergency services', text: 'Call 911 now.' },
    sameDay: {
      text: 'Get seen today: call 811 to talk to a nurse (in most provinces and territories), or go to an urgent care or walk-in clinic.',
      calls: [{ label: '811 health line', number: '811' }],
    },
    routine: { text: 'Book an appointment with your family doctor or a physiotherapist.' },
    source: {
      checked: CHECKED,
      note: '911 for emergencies. 811 is the free provincial and territorial nurse advice line (HealthLink BC, Health811 Ontario, Info-Santé 811 Québec, 811 in PEI and the NWT among others), not available everywhere.',
      urls: [
        'https://www.healthlinkbc.ca/',
        'http://healthpei.ca/811',
        'https://www.hss.gov.nt.ca/en/services/811',
      ],
    },
  },
  AU: {
    name: 'Australia',
    emergency: {
      number: '000',
      label: 'Triple zero',
      text: 'Call 000 (triple zero) now.',
    },
    sameDay: {
      text: 'Get seen today: call healthdirect on 1800 022 222 (13 HEALTH on 13 43 25 84 in Queensland), or see your GP today.',
      calls: [
        { label: 'healthdirect', number: '1800 022 222' },
        { label: '13 HEALTH (Queensland)', number: '13 43 25 84' },
      ],
    },
    routine: { text: 'Book an appointment with your GP or a physiotherapist.' },
    source: {
      checked: CHECKED,
      note: 'Triple zero (000) for emergencies. healthdirect (1800 022 222) is the free 24/7 nurse line; Queensland runs its own, 13 HEALTH (13 43 25 84).',
      urls: [
        'https://www.healthdirect.gov.au/what-care-do-i-need',
        'https://www.qld.gov.au/health/contacts/advice/13health',
      ],
    },
  },
  NZ: {
    name: 'New Zealand',
    emergency: { number: '111', label: 'Emergency services', text: 'Call 111 now.' },
    sameDay: {
      text: 'Get seen today: call Healthline on 0800 611 116 (free, 24 hours), or see your GP or an urgent care clinic today.',
      calls: [{ label: 'Healthline', number: '0800 611 116' }],
    },
    routine: { text: 'Book an appointment with your GP or a physiotherapist.' },
    source: {
      checked: CHECKED,
      note: '111 for emergencies. Healthline (0800 611 116) is free, 24/7, from any phone in New Zealand.',
      urls: [
        'https://www.health.govt.nz/your-health/services-and-support/health-care-services/healthline/common-questions-about-healthline',
        'https://www.newdunedinhospital.nz/keeping-well/health-info-for-public/where-to-go-for-care/',
      ],
    },
  },
  AT: eu('Austria'),
  BE: eu('Belgium'),
  BG: eu('Bulgaria'),
  HR: eu('Croatia'),
  CY: eu('Cyprus'),
  CZ: eu('Czechia'),
  DK: eu('Denmark'),
  EE: eu('Estonia'),
  FI: eu('Finland'),
  FR: eu('France'),
  DE: eu('Germany'),
  GR: eu('Greece'),
  HU: eu('Hungary'),
  IT: eu('Italy'),
  LV: eu('Latvia'),
  LT: eu('Lithuania'),
  LU: eu('Luxembourg'),
  MT: eu('Malta'),
  NL: eu('Netherlands'),
  PL: eu('Poland'),
  PT: eu('Portugal'),
  RO: eu('Romania'),
  SK: eu('Slovakia'),
  SI: eu('Slovenia'),
  ES: eu('Spain'),
  SE: eu('Sweden'),
};

/** Any other country, or none known. */
const generic: Entry = {
  name: '',
  emergency: {
    number: '112',
    label: 'Emergency number in many countries',
    text: 'Call your local emergency number now (112 works in many countries).',
  },
  sameDay: {
    text: "Get seen by a doctor today: your doctor's same-day appointment, an urgent care clinic, or an out-of-hours service.",
    calls: [],
  },
  routine: { text: 'Book an appointment with a doctor or a physical therapist.' },
  source: {
    checked: CHECKED,
    note: 'No country-specific routes: the runner is told to use their local emergency number. 112 reaches emergency services across the EU and is redirected on many networks elsewhere, but not everywhere.',
    urls: ['https://digital-strategy.ec.europa.eu/en/policies/112'],
  },
};

/**
 * A country code checked and in upper case: any case, surrounding spaces and `UK` for GB are accepted.
 * @throws a bad-input error (field `country`) for anything that is not an assigned ISO 3166-1 code
 * @example normalizeCountry(' gb ') // 'GB'
 */
export function normalizeCountry(input: string): string {
  const upper = input.trim().toUpperCase();
  const code = ALIASES[upper] ?? upper;
  if (!isCountryCode(code)) {
    throw badInput(
      `unknown country "${input.trim().slice(0, 20)}": use a two-letter ISO 3166 code such as GB, IE, US, CA, AU or NZ`,
      'country',
    );
  }
  return code;
}

let displayNames: Intl.DisplayNames | undefined | null;

/** A country's name in English, from the table or from the runtime's Intl data. */
export function countryName(code: string): string | undefined {
  const upper = code.toUpperCase();
  const known = careData[upper]?.name;
  if (known) return known;
  if (!isCountryCode(upper)) return undefined;
  if (displayNames === undefined) {
    try {
      displayNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    } catch {
      displayNames = null;
    }
  }
  return displayNames?.of(upper) ?? undefined;
}

/**
 * The care routes for a country: its own when the table has them, the generic ones otherwise (and when
 * no country is given).
 * @throws a bad-input error for a code that is not an ISO 3166-1 alpha-2 code
 * @example careFor('au').emergency.number // '000'
 */
export function careFor(country?: string): CareRoutes {
  if (country === undefined) {
    const { name: _n, ...rest } = generic;
    return { specific: false, ...structuredClone(rest) };
  }
  const code = normalizeCountry(country);
  const entry = careData[code];
  const { name: _n, ...rest } = entry ?? generic;
  const name = countryName(code);
  return {
    country: code,
    ...(name ? { countryName: name } : {}),
    specific: !!entry,
    ...structuredClone(rest),
  };
}

/** One entry of the country picker. */
export type CountryOption = { code: string; name: string; hasOwnRoutes: boolean };

let options: CountryOption[] | undefined;

/** Every country for a picker, by name, each saying whether it has its own routes (else the generic ones). */
export function countryOptions(): CountryOption[] {
  options ??= isoCodes()
    .map((code) => ({ code, name: countryName(code) ?? '', hasOwnRoutes: code in careData }))
    .filter((o) => o.name !== '')
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
  return options.map((o) => ({ ...o }));
}

/** The countries with their own routes, by name. */
export const supportedCountries = (): CountryOption[] => countryOptions().filter((o) => o.hasOwnRoutes);

/**
 * The words that lead an emergency or urgent result in the runner's country: the emergency number, or the
 * same-day route with the emergency number after it. Undefined for the other levels.
 * @example careLead(careFor('AU'), 'emergency') // 'Call 000 (triple zero) now.'
 */
export function careLead(care: CareRoutes, level: string): string | undefined {
  if (level === 'emergency') return care.emergency.text;
  if (level === 'urgent') {
    const call = care.emergency.text;
    return `${care.sameDay.text} If it becomes an emergency: ${call.charAt(0).toLowerCase()}${call.slice(1)}`;
  }
  return undefined;
}
