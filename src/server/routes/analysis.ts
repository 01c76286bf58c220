/**
 * What the diary adds up to: `GET /api/insights` (personal triggers over a window), `GET /api/progress`
 * (outcome measures and plan adherence), `GET /api/plan` and `GET /api/plan.ics` (the week, and as a
 * calendar file), and `GET /api/report` (the clinician report, HTML or PDF, shown in the tab or
 * downloaded). Windows follow one rule (`analysisWindow`): they end today unless `to` is earlier.
 */
import { z } from 'zod';
import { conflict } from '../../errors.js';
import { renderReportHtml } from '../../report/index.js';
import {
  DEFAULT_REMIND_MIN,
  isClockTime,
  MAX_REMIND_MIN,
  readReminder,
  toIcs,
} from '../../schedule/index.js';
import { type DayRange, insightsFor, loadDiary, progressReport } from '../../services/insights.js';
import { planWeek } from '../../services/plan.js';
import { reportFor } from '../../services/report.js';
import { units } from '../../services/runs.js';
import type { RouteGroup } from '../context.js';
import { attachment, parseWith, RangeQuery, today } from '../http.js';

const NO_ASSESSMENT = 'no assessment yet: do a check-in first, then the plan is ready';

const IcsQuery = z.object({
  weeks: z.coerce.number().int().min(1).max(52).default(6),
  /** The session time; without it the events are all-day. */
  time: z
    .string()
    .refine(isClockTime, { message: 'time must be a 24-hour time as HH:MM, such as 07:00' })
    .optional(),
  /** Minutes before the session time (0 = at it) or off. */
  remind: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const r = v === undefined ? DEFAULT_REMIND_MIN : readReminder(v);
      if (r !== undefined) return r;
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: `remind must be minutes before the session from 0 to ${MAX_REMIND_MIN}, or off`,
      });
      return z.NEVER;
    }),
});
const flag = z
  .enum(['1', 'true', '0', 'false', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true');
const InsightsQuery = RangeQuery.extend({ units: z.enum(['km', 'mi']).optional() });
const ReportQuery = RangeQuery.extend({
  format: z.enum(['html', 'pdf']).default('html'),
  units: z.enum(['km', 'mi']).optional(),
  /** Every plan item's full card (several pages); default one line each. */
  exercises: flag,
  /** A file to save; without it the report is shown in the tab. */
  download: flag,
});

/** `from`/`to` (epoch ms from `RangeQuery`) as the local days a window takes. */
const days = (range: { from?: number | undefined; to?: number | undefined }): DayRange => ({
  ...(range.from !== undefined ? { from: new Date(range.from).toISOString().slice(0, 10) } : {}),
  ...(range.to !== undefined ? { to: new Date(range.to).toISOString().slice(0, 10) } : {}),
});

/** Headers for a document shown in the tab, with the file name it would be saved under. */
const inline = (contentType: string, filename: string) => ({
  ...attachment(contentType, filename),
  'Content-Disposition': `inline; filename="${filename.replace(/[^\w.-]/g, '_')}"`,
});

/** Registers the insight, progress, plan and report routes. */
export const analysisRoutes: RouteGroup = (app, ctx) => {
  app.get('/api/insights', async (c) => {
    const range = parseWith(InsightsQuery, c.req.query());
    const data = await loadDiary(await ctx.store.get());
    return c.json(await insightsFor(data, ctx.now(), days(range), units({ units: range.units })));
  });

  app.get('/api/progress', async (c) => {
    const data = await loadDiary(await ctx.store.get());
    return c.json(await progressReport(data, ctx.now()));
  });

  app.get('/api/plan', async (c) => {
    const data = await loadDiary(await ctx.store.get());
    if (!data.latest) throw conflict(NO_ASSESSMENT);
    return c.json(await planWeek(data, ctx.now()));
  });

  app.get('/api/plan.ics', async (c) => {
    const { weeks, time, remind } = parseWith(IcsQuery, c.req.query());
    const data = await loadDiary(await ctx.store.get());
    if (!data.latest) throw conflict(NO_ASSESSMENT);
    const now = ctx.now();
    const week = await planWeek(data, now);
    const ics = toIcs(week.schedule, {
      weeks,
      now,
      calendarName: 'Backstride plan',
      remind,
      ...(time ? { time } : {}),
      ...(week.checkBack ? { checkBack: week.checkBack } : {}),
    });
    return c.body(ics, 200, attachment('text/calendar; charset=utf-8', 'backstride-plan.ics'));
  });

  app.get('/api/report', async (c) => {
    const q = parseWith(ReportQuery, c.req.query());
    const u = units({ units: q.units });
    const data = await loadDiary(await ctx.store.get());
    const now = ctx.now();
    const input = await reportFor(data, now, u, { range: days(q), exerciseCards: q.exercises });
    const html = renderReportHtml(input);
    const name = `backstride-report-${today(now)}`;
    const headers = q.download ? attachment : inline;
    if (q.format === 'html') return c.body(html, 200, headers('text/html; charset=utf-8', `${name}.html`));
    // Chromium loads only for a PDF; a missing browser is a bad-input error with a one-line reason.
    const { renderReportPdf } = await import('../../report/pdf.js');
    const pdf = await renderReportPdf(html);
    return c.body(pdf as Uint8Array<ArrayBuffer>, 200, headers('application/pdf', `${name}.pdf`));
  });
};
