/**
 * The runner's country for the CLI: `--country`, else `BACKSTRIDE_COUNTRY`, else the system locale (the
 * POSIX variables LC_ALL, LC_MESSAGES and LANG in that order, then the runtime's own locale when none is
 * set). A bad `--country` or `BACKSTRIDE_COUNTRY` is bad input; a locale without a country (C, POSIX, `de`)
 * just leaves the country unknown, and the generic care routes are used.
 */
import { countryFromLocale, normalizeCountry } from '../care/index.js';
import { BackstrideError, isBackstrideError } from '../errors.js';

const checked = (value: string, where: string): string => {
  try {
    return normalizeCountry(value);
  } catch (error) {
    if (isBackstrideError(error))
      throw new BackstrideError(error.code, `${where}: ${error.message}`, 'country');
    throw error;
  }
};

/** The country of the system locale, if it names one. */
export function localeCountry(env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const) {
    const value = env[name];
    // The first one set decides, as in POSIX: LANG=C means no country, not "ask the runtime".
    if (value) return countryFromLocale(value);
  }
  try {
    return countryFromLocale(Intl.DateTimeFormat().resolvedOptions().locale);
  } catch {
    return undefined;
  }
}

/**
 * The country to use, as an ISO 3166-1 alpha-2 code, or undefined when none is known.
 * @throws a bad-input error naming `--country` or `BACKSTRIDE_COUNTRY` when the value is not a country code
 * @example resolveCountry('au') // 'AU'
 */
export function resolveCountry(flag?: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (flag !== undefined) return checked(flag, '--country');
  const fromEnv = env.BACKSTRIDE_COUNTRY;
  if (fromEnv) return checked(fromEnv, 'BACKSTRIDE_COUNTRY');
  return localeCountry(env);
}

/** The help text of the `--country` option. */
export const COUNTRY_HELP =
  'your country as a two-letter code (GB, IE, US, CA, AU, NZ, DE…), for the emergency number and where to get care (default: $BACKSTRIDE_COUNTRY, else the system locale)';
