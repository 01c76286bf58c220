/**
 * The reminder pieces other pages hold: the settings section (its form loaded only on the settings page)
 * and the plan's calendar link, which carries the runner's session time and reminder.
 */

import { loadPart } from '../load-part.js';
import { calendarHref, calendarWords, useReminderSettings } from '../reminder-settings.js';
import { link } from '../router.js';
import { ErrorBox, Loading, useAsync } from './ui.js';

/** Settings' reminders section, loaded with its form when the settings page opens. */
export function ReminderSection() {
  const mod = useAsync(() => loadPart(() => import('../pages/reminder-setting.js')));
  if (mod.data) return <mod.data.ReminderSetting />;
  return (
    <section aria-labelledby="reminders-heading" class="panel">
      <h2 id="reminders-heading">Reminders</h2>
      {mod.error ? <ErrorBox error={mod.error} retry={mod.reload} /> : <Loading />}
    </section>
  );
}

/** "Download calendar", with the session time and reminder chosen in Settings, and what they are. */
export function CalendarLink() {
  const s = useReminderSettings();
  return (
    <>
      <a class="button secondary small" href={calendarHref(s)} download="backstride-plan.ics">
        Download calendar
      </a>{' '}
      <span class="hint">
        (for Google, Apple or Outlook; {calendarWords(s)};{' '}
        <a href={link('/settings')}>change them in Settings</a>)
      </span>
    </>
  );
}
