import { afterAll, describe, expect, it } from 'vitest';
import { analyseForm } from '../form/index.js';
import { syntheticRunner } from '../form/synthetic.js';
import { BACKUP_VERSION, checkBackup, deleteAllRows, exportAll, restoreAll } from './backup.js';
import {
  addFormCheck,
  deleteFormCheck,
  formCheckFromReport,
  formCheckOf,
  listFormChecks,
} from './form-checks.js';
import type { Store } from './index.js';
import { engines } from './test-engines.js';

// A synthetic runner with shrugged shoulders: a real report with a finding, no video involved.
const report = analyseForm(syntheticRunner({ shoulderRaise: 0.24, durationS: 8 }), { view: 'auto' });
const PIXEL =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

const opened: Store[] = [];
afterAll(async () => {
  await Promise.all(opened.map((s) => s.close()));
});

describe.each(engines)('form checks on %s', (_name, open) => {
  const openTracked = async () => {
    const s = await open();
    opened.push(s);
    return s;
  };

  it('adds, lists, reads and deletes a check, measures and findings intact', async () => {
    expect(report.findings.map((f) => f.factorId)).toContain('shrugged-shoulders');
    const store = await openTracked();
    const early = await addFormCheck(
      store.db,
      formCheckFromReport(report, { checkedAt: Date.UTC(2026, 4, 12, 7), label: 'early' }),
    );
    const late = await addFormCheck(
      store.db,
      formCheckFromReport(report, {
        checkedAt: Date.UTC(2026, 4, 12, 8),
        label: 'late',
        keyFrames: [{ frame: 3, tS: 0.1, mime: 'image/png', data: PIXEL }],
      }),
    );
    const all = await listFormChecks(store.db);
    expect(all.map((c) => c.label)).toEqual(['early', 'late']);
    expect(all[0]).toEqual(early);
    expect(all[0]?.measures).toEqual(report.measures);
    expect(all[0]?.findings).toEqual(report.findings);
    expect(all[0]?.quality).toEqual(report.quality);
    expect(all[0]?.cadenceSpm).toBeCloseTo(report.cadenceSpm ?? 0, 6);
    expect(all[0]?.keyFrames).toEqual([]);
    expect((await formCheckOf(store.db, late.id))?.keyFrames[0]?.data).toBe(PIXEL);
    expect(await deleteFormCheck(store.db, early.id)).toBe(true);
    expect(await deleteFormCheck(store.db, early.id)).toBe(false);
    expect((await listFormChecks(store.db)).map((c) => c.id)).toEqual([late.id]);
  });

  it('saves a clip where no one was found (no confidence or size to report)', async () => {
    const store = await openTracked();
    const empty = analyseForm({ ...syntheticRunner({ durationS: 4 }), frames: [] }, { view: 'auto' });
    const saved = await addFormCheck(store.db, formCheckFromReport(empty, { checkedAt: 1, label: null }));
    expect(saved.running).toBe(false);
    expect((await listFormChecks(store.db))[0]?.quality.meanConfidence).toBeNull();
    checkBackup(await exportAll(store), 'backup.json');
  });

  it('refuses a check that is not valid input (an unknown factor, a label out of the list)', async () => {
    const store = await openTracked();
    const good = formCheckFromReport(report, { checkedAt: 1, label: null });
    const badFactor = {
      ...good,
      findings: good.findings.map((f) => ({ ...f, factorId: 'not-a-factor' })),
    };
    await expect(addFormCheck(store.db, badFactor)).rejects.toThrow(/factor/);
    await expect(addFormCheck(store.db, { ...good, label: 'middle' as 'early' })).rejects.toThrow();
    expect(await listFormChecks(store.db)).toEqual([]);
  });

  it('is exported, restored exactly, and removed by delete-everything', async () => {
    const store = await openTracked();
    await addFormCheck(
      store.db,
      formCheckFromReport(report, {
        checkedAt: Date.UTC(2026, 4, 12),
        label: null,
        keyFrames: [{ frame: 0, tS: 0, mime: 'image/png', data: PIXEL }],
      }),
    );
    const backup = await exportAll(store);
    expect(backup.version).toBe(BACKUP_VERSION);
    expect(BACKUP_VERSION).toBe(6);
    expect(backup.tables.form_checks).toHaveLength(1);
    const text = JSON.stringify(backup);
    expect(text).not.toMatch(/\.mp4|\.mov|video/i);

    const other = await openTracked();
    const counts = await restoreAll(other, checkBackup(JSON.parse(text), 'backup.json'), { replace: false });
    expect(counts.form_checks).toBe(1);
    expect(await listFormChecks(other.db)).toEqual(await listFormChecks(store.db));
    const again = await exportAll(other);
    expect(again.tables).toEqual(backup.tables);

    await deleteAllRows(other);
    expect(await listFormChecks(other.db)).toEqual([]);
  });

  it('restores a version 5 backup (no form checks) and refuses a tampered form-check row', async () => {
    const store = await openTracked();
    await addFormCheck(store.db, formCheckFromReport(report, { checkedAt: 5, label: 'late' }));
    const backup = await exportAll(store);

    const { form_checks: _dropped, ...olderTables } = backup.tables;
    const older = checkBackup({ ...backup, version: 5, tables: olderTables }, 'old.json');
    expect(older.tables.form_checks).toEqual([]);
    const fresh = await openTracked();
    await restoreAll(fresh, older, { replace: false });
    expect(await listFormChecks(fresh.db)).toEqual([]);

    const row = backup.tables.form_checks[0] as Record<string, string | number | null>;
    const tampered = (patch: Record<string, string | number | null>) => ({
      ...backup,
      tables: { ...backup.tables, form_checks: [{ ...row, ...patch }] },
    });
    expect(() => checkBackup(tampered({ label: 'middle' }), 'b.json')).toThrow(/form_checks row 0 .*label/);
    expect(() => checkBackup(tampered({ measures: '{not json' }), 'b.json')).toThrow(
      /form_checks row 0 .*measures: expected JSON text/,
    );
    expect(() => checkBackup(tampered({ running: 2 }), 'b.json')).toThrow(/form_checks row 0 .*running/);
    const findings = JSON.stringify([{ ...report.findings[0], factorId: 'made-up' }]);
    expect(() => checkBackup(tampered({ findings }), 'b.json')).toThrow(/factor of the knowledge base/);
  });
});
