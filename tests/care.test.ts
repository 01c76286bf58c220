/**
 * The runner's country on the command line: `assess --country`, `BACKSTRIDE_COUNTRY` and the locale pick
 * the emergency number the result leads with; a code that is not a country is bad input (exit 2).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'backstride');
const scratch = mkdtempSync(join(tmpdir(), 'backstride-care-'));
function answersFile(name: string, answers: unknown): string {
  const file = join(scratch, name);
  writeFileSync(file, JSON.stringify(answers));
  return file;
}
/** Numbness around the genitals: an emergency. A fever with back pain: a same-day check. */
const emergency = answersFile('emergency.json', {
  pain: { regions: ['lower-back'] },
  redFlags: { saddleNumbness: true },
});
const urgent = answersFile('urgent.json', { pain: { regions: ['lower-back'] }, redFlags: { fever: true } });

function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    input: '',
    encoding: 'utf8',
    env: {
      ...process.env,
      NO_COLOR: '1',
      BACKSTRIDE_DATA: join(scratch, 'data'),
      BACKSTRIDE_COUNTRY: '',
      LC_ALL: '',
      LC_MESSAGES: '',
      LANG: 'C.UTF-8',
      ...env,
    },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('assess --country', () => {
  it('gives care.emergency.number 000 in Australia, in the JSON and first in the readable action', () => {
    const json = cli(['assess', '--answers', emergency, '--country', 'AU', '--json', '--no-save']);
    expect(json.code).toBe(0);
    const result = JSON.parse(json.stdout);
    expect(result.triage.level).toBe('emergency');
    expect(result.care.emergency.number).toBe('000');
    expect(result.care.countryName).toBe('Australia');

    const text = cli(['assess', '--answers', emergency, '--country', 'au', '--no-save']);
    expect(text.code).toBe(0);
    const lines = text.stdout.split('\n');
    expect(lines[0]).toMatch(/^ ?EMERGENCY: CALL EMERGENCY SERVICES NOW/);
    // The action starts with the runner's own number, before the generic wording.
    expect(lines[1]).toBe('Call 000 (triple zero) now.');
    expect(lines[2]).toMatch(/Numbers for Australia/);
  });

  it('leads an urgent result with the same-day route and its number', () => {
    const text = cli(['assess', '--answers', urgent, '--country', 'GB', '--no-save']).stdout;
    expect(text.split('\n')[1]).toMatch(/^Get seen today: call NHS 111/);
    const nz = JSON.parse(
      cli(['assess', '--answers', urgent, '--country', 'NZ', '--json', '--no-save']).stdout,
    );
    expect(nz.care.sameDay.calls).toEqual([{ label: 'Healthline', number: '0800 611 116' }]);
  });

  it('takes BACKSTRIDE_COUNTRY, then the locale, and the generic routes with neither', () => {
    const run = (env: Record<string, string>) =>
      JSON.parse(cli(['assess', '--answers', emergency, '--json', '--no-save'], env).stdout).care;
    expect(run({ BACKSTRIDE_COUNTRY: 'ie' }).emergency.text).toBe('Call 112 or 999 now.');
    expect(run({ LANG: 'en_GB.UTF-8' }).emergency.number).toBe('999');
    expect(run({ LC_ALL: 'fr_CA.UTF-8', LANG: 'en_GB.UTF-8' }).emergency.number).toBe('911');
    const none = run({ LANG: 'C.UTF-8' });
    expect(none.country).toBeUndefined();
    expect(none.emergency.text).toMatch(/local emergency number.*112 works in many countries/);
    // The flag wins over the variable.
    expect(
      JSON.parse(
        cli(['assess', '--answers', emergency, '--json', '--no-save', '--country', 'NZ'], {
          BACKSTRIDE_COUNTRY: 'GB',
        }).stdout,
      ).care.emergency.number,
    ).toBe('111');
  });

  it.each([
    [['--country', 'XX'], {}, /^backstride: --country: unknown country "XX"/],
    [['--country', ''], {}, /^backstride: --country: unknown country/],
    [[], { BACKSTRIDE_COUNTRY: 'Narnia' }, /^backstride: BACKSTRIDE_COUNTRY: unknown country "Narnia"/],
  ])('refuses %j %j with exit 2 and one line', (args, env, message) => {
    const r = cli(['assess', '--answers', emergency, ...args], env);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });

  it('documents the option in assess and serve help', () => {
    expect(cli(['assess', '--help']).stdout).toMatch(/--country <code>/);
    expect(cli(['serve', '--help']).stdout).toMatch(/--country <code>/);
  });

  it('refuses a bad serve --country before listening', () => {
    const r = cli(['serve', '--port', '0', '--country', 'XX']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/--country: unknown country "XX"/);
  });
});
