/**
 * Care destinations by country: the numbers each country gets, the generic wording for the rest, input
 * checking, locale parsing and the picker list.
 */
import { describe, expect, it } from 'vitest';
import { isBackstrideError } from '../errors.js';
import {
  careData,
  careFor,
  careLead,
  countryFromLocale,
  countryName,
  countryOptions,
  normalizeCountry,
  placeName,
  supportedCountries,
  telHref,
} from './index.js';

const EU = 'AT BE BG HR CY CZ DK EE FI FR DE GR HU IT LV LT LU MT NL PL PT RO SK SI ES SE'.split(' ');

describe('careFor', () => {
  it.each([
    ['GB', '999', 'United Kingdom'],
    ['IE', '112', 'Ireland'],
    ['US', '911', 'United States'],
    ['CA', '911', 'Canada'],
    ['AU', '000', 'Australia'],
    ['NZ', '111', 'New Zealand'],
    ['DE', '112', 'Germany'],
  ])('%s: emergency %s, named %s', (code, number, name) => {
    const care = careFor(code);
    expect(care.country).toBe(code);
    expect(care.countryName).toBe(name);
    expect(care.specific).toBe(true);
    expect(care.emergency.number).toBe(number);
    expect(care.emergency.text).toContain(number);
  });

  it('gives each country its same-day route and numbers', () => {
    expect(careFor('GB').sameDay.calls).toEqual([{ label: 'NHS 111', number: '111' }]);
    expect(careFor('GB').sameDay.text).toMatch(/NHS 111.*111\.nhs\.uk.*urgent same-day appointment/);
    expect(careFor('GB').routine.text).toMatch(/GP or a physiotherapist.*refer yourself/);
    expect(careFor('IE').emergency.also).toEqual(['999']);
    expect(careFor('IE').emergency.text).toBe('Call 112 or 999 now.');
    expect(careFor('IE').sameDay.text).toMatch(/GP.*out-of-hours/);
    expect(careFor('US').sameDay.text).toMatch(/same-day appointment.*urgent care center/);
    expect(careFor('CA').sameDay.calls.map((c) => c.number)).toEqual(['811']);
    expect(careFor('CA').sameDay.text).toMatch(/walk-in clinic/);
    expect(careFor('AU').sameDay.calls.map((c) => c.number)).toEqual(['1800 022 222', '13 43 25 84']);
    expect(careFor('AU').emergency.text).toBe('Call 000 (triple zero) now.');
    expect(careFor('NZ').sameDay.calls).toEqual([{ label: 'Healthline', number: '0800 611 116' }]);
  });

  it('gives every EU country 112 and the generic same-day wording', () => {
    for (const code of EU) {
      const care = careFor(code);
      expect(care.emergency.number, code).toBe('112');
      expect(care.sameDay.text, code).toMatch(/same-day appointment.*out-of-hours/);
      expect(care.countryName, code).toMatch(/^[A-Z][a-z]/);
    }
  });

  it('gives any other country its name and the generic wording with 112', () => {
    const jp = careFor('jp');
    expect(jp.country).toBe('JP');
    expect(jp.countryName).toBe('Japan');
    expect(jp.specific).toBe(false);
    expect(jp.emergency.number).toBe('112');
    expect(jp.emergency.text).toBe('Call your local emergency number now (112 works in many countries).');
  });

  it('gives the generic routes, with no country, when none is given', () => {
    const care = careFor();
    expect(care.country).toBeUndefined();
    expect(care.countryName).toBeUndefined();
    expect(care.specific).toBe(false);
    expect(care.emergency.number).toBe('112');
    expect(care.emergency.text).toBe('Call your local emergency number now (112 works in many countries).');
  });

  it('accepts any case, spaces and UK, and returns copies', () => {
    expect(careFor(' nz ').country).toBe('NZ');
    expect(careFor('uk').country).toBe('GB');
    const a = careFor('AU');
    a.sameDay.calls.pop();
    expect(careFor('AU').sameDay.calls).toHaveLength(2);
  });

  it.each(['XX', 'ZZ', 'EU', 'GBR', '', '1', 'united kingdom'])('refuses %j as bad input', (code) => {
    let error: unknown;
    try {
      careFor(code);
    } catch (e) {
      error = e;
    }
    expect(isBackstrideError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'bad-input', field: 'country' });
    expect((error as Error).message).toMatch(/unknown country .*ISO 3166/);
  });

  it('keeps the data reviewable: a source note, a check date and pages for every entry', () => {
    for (const [code, entry] of Object.entries(careData)) {
      expect(normalizeCountry(code)).toBe(code);
      expect(entry.source.note.length, code).toBeGreaterThan(20);
      expect(entry.source.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(entry.source.urls.length, code).toBeGreaterThan(0);
      for (const url of entry.source.urls) expect(url).toMatch(/^https?:\/\//);
      for (const call of entry.sameDay.calls) expect(call.number).toMatch(/^[\d ]+$/);
      expect(entry.emergency.number).toMatch(/^\d{3}$/);
    }
  });
});

describe('careLead', () => {
  it('leads an emergency with the number and an urgent result with the same-day route', () => {
    expect(careLead(careFor('AU'), 'emergency')).toBe('Call 000 (triple zero) now.');
    expect(careLead(careFor('GB'), 'urgent')).toMatch(/^Get seen today: call NHS 111.* call 999 now\.$/);
    expect(careLead(careFor(), 'urgent')).toMatch(/call your local emergency number now/);
    expect(careLead(careFor('GB'), 'clinician')).toBeUndefined();
    expect(careLead(careFor('GB'), 'self-care')).toBeUndefined();
  });
});

describe('countryFromLocale', () => {
  it.each([
    ['en-GB', 'GB'],
    ['en_US.UTF-8', 'US'],
    ['fr-CA', 'CA'],
    ['en_AU.utf8', 'AU'],
    ['de_DE@euro', 'DE'],
    ['zh-Hant-TW', 'TW'],
    ['en-NZ-u-ca-gregory', 'NZ'],
    ['ga_IE', 'IE'],
    ['en-UK', 'GB'],
    ['  en-ie ', 'IE'],
  ])('%s gives %s', (locale, code) => {
    expect(countryFromLocale(locale)).toBe(code);
  });

  it.each(['', 'C', 'C.UTF-8', 'POSIX', 'de', 'es-419', 'en-XX', 'english'])(
    '%j gives no country',
    (locale) => {
      expect(countryFromLocale(locale)).toBeUndefined();
    },
  );
});

describe('the picker', () => {
  it('lists every ISO country by name, the ones with their own routes marked', () => {
    const all = countryOptions();
    expect(all).toHaveLength(249);
    const names = all.map((o) => o.name);
    expect([...names].sort((a, b) => a.localeCompare(b, 'en'))).toEqual(names);
    expect(all.find((o) => o.code === 'GB')).toEqual({
      code: 'GB',
      name: 'United Kingdom',
      hasOwnRoutes: true,
    });
    expect(all.find((o) => o.code === 'JP')?.hasOwnRoutes).toBe(false);
    expect(
      supportedCountries()
        .map((o) => o.code)
        .sort(),
    ).toEqual(Object.keys(careData).sort());
    expect(countryName('XX')).toBeUndefined();
  });

  it('names a country as it reads after "for"', () => {
    expect(placeName('United Kingdom')).toBe('the United Kingdom');
    expect(placeName('United States')).toBe('the United States');
    expect(placeName('Netherlands')).toBe('the Netherlands');
    expect(placeName('Australia')).toBe('Australia');
  });

  it('turns a number into a tel: target', () => {
    expect(telHref('1800 022 222')).toBe('tel:1800022222');
    expect(telHref('000')).toBe('tel:000');
  });
});

describe('the footer number', () => {
  it('agrees with the care routes for every country, and is 112 where none is known', async () => {
    const { emergencyNumberFor, isoCodes } = await import('./codes.js');
    for (const code of isoCodes())
      expect(emergencyNumberFor(code), code).toBe(careFor(code).emergency.number);
    expect(emergencyNumberFor(undefined)).toBe('112');
  });
});
