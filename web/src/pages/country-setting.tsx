/**
 * Settings: the runner's country, by name, with the emergency number and same-day route it gives. Loaded
 * only on the settings page (it brings the care table and every country's name).
 */
import { careFor, countryOptions } from '../../../src/care/index.js';
import { setCountry, useCountry } from '../country.js';

/** The country that picks the emergency number and where to get care, with what it gives. */
export function CountrySetting() {
  const country = useCountry();
  const care = careFor(country);
  return (
    <section aria-labelledby="country-heading" class="panel">
      <h2 id="country-heading">Country</h2>
      <div class="field">
        <label for="country">Where you are</label>
        <select
          id="country"
          value={country ?? ''}
          onChange={(e) => {
            const value = (e.currentTarget as HTMLSelectElement).value;
            if (value) setCountry(value);
          }}
        >
          {!country && <option value="">Choose your country</option>}
          {countryOptions().map((o) => (
            <option key={o.code} value={o.code}>
              {o.name}
            </option>
          ))}
        </select>
      </div>
      <p class="country-emergency">
        {care.specific ? (
          <>
            Emergency number: <strong>{care.emergency.number}</strong>
            {care.emergency.also?.length ? ` (or ${care.emergency.also.join(' or ')})` : ''}
          </>
        ) : (
          <>
            Emergency number: <strong>your local emergency number</strong> (112 works in many countries)
          </>
        )}
      </p>
      <p>
        <strong>Same day:</strong> {care.sameDay.text}
      </p>
      <p class="hint">
        Used for the numbers and places an urgent or emergency result shows. Kept in this browser
        {country ? '' : '; until you choose, it follows your browser’s language'}.
      </p>
    </section>
  );
}
