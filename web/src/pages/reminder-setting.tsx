/**
 * Settings: reminders. The session time (the calendar's events are at it, or all day without one), the
 * calendar's reminder, and "Remind me in this browser", which asks for notification permission only when
 * turned on and says so when the browser blocks it. Loaded only on the settings page.
 */
import { useState } from 'preact/hooks';
import type { Reminder } from '../../../src/schedule/reminder.js';
import {
  calendarReminderWords,
  notificationPermission,
  setReminderSettings,
  useReminderSettings,
} from '../reminder-settings.js';

const REMINDERS: { value: string; label: string }[] = [
  { value: '0', label: 'At the session time' },
  { value: '10', label: '10 minutes before' },
  { value: '15', label: '15 minutes before' },
  { value: '30', label: '30 minutes before' },
  { value: '60', label: '1 hour before' },
  { value: '120', label: '2 hours before' },
  { value: 'off', label: 'No reminders' },
];

const BLOCKED =
  'Notifications are blocked for Backstride in this browser, so no reminder can be shown. To use this, allow notifications in the browser’s settings for this site, then turn it on again.';

export function ReminderSetting() {
  const s = useReminderSettings();
  const [permission, setPermission] = useState(notificationPermission);
  const [asking, setAsking] = useState(false);
  const browserOn = s.browser && permission === 'granted';
  // A value this list does not offer (set through the address) is still shown as chosen.
  const options = REMINDERS.some((r) => r.value === String(s.remind))
    ? REMINDERS
    : [...REMINDERS, { value: String(s.remind), label: `${s.remind} minutes before` }];

  const turnOn = async () => {
    if (permission === 'unsupported') return;
    let p = Notification.permission;
    if (p === 'default') {
      setAsking(true);
      try {
        p = await Notification.requestPermission();
      } finally {
        setAsking(false);
      }
    }
    setPermission(p);
    setReminderSettings({ browser: p === 'granted' });
  };

  return (
    <section aria-labelledby="reminders-heading" class="panel">
      <h2 id="reminders-heading">Reminders</h2>
      <div class="field">
        <label for="session-time">Session time</label>
        <input
          id="session-time"
          type="time"
          value={s.time ?? ''}
          aria-describedby="session-time-hint"
          onChange={(e) => setReminderSettings({ time: e.currentTarget.value || undefined })}
        />
        <p id="session-time-hint" class="hint">
          When you do your exercises. The calendar’s events are at this time; leave it empty for all-day
          events, reminded at 9:00.
        </p>
      </div>
      <div class="field">
        <label for="calendar-reminder">Calendar reminder</label>
        <select
          id="calendar-reminder"
          value={String(s.remind)}
          onChange={(e) => {
            const v = e.currentTarget.value;
            setReminderSettings({ remind: (v === 'off' ? 'off' : Number(v)) as Reminder });
          }}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        <p class="hint">
          For the calendar file on the plan page: {calendarReminderWords(s)}. Download it again after a
          change.
        </p>
      </div>
      <label class="check">
        <input
          type="checkbox"
          checked={browserOn}
          disabled={asking || permission === 'unsupported'}
          aria-describedby="browser-reminder-hint"
          onChange={(e) => {
            if (e.currentTarget.checked) void turnOn();
            else setReminderSettings({ browser: false });
          }}
        />
        <span>Remind me in this browser</span>
      </label>
      <p id="browser-reminder-hint" class="hint">
        While Backstride is open in this browser, a notification at {s.time ?? '9:00'} on days with exercises,
        once a day. Off until you turn it on; nothing is sent anywhere.
      </p>
      {permission === 'unsupported' && (
        <p class="notice notice-warning">This browser cannot show notifications.</p>
      )}
      {permission === 'denied' && (
        <p class="notice notice-warning" role="status">
          {BLOCKED}
        </p>
      )}
    </section>
  );
}
