/**
 * What the diary adds up to: `GET /api/insights` (personal triggers), `GET /api/progress` (outcome
 * measures and plan adherence), `GET /api/plan` and `GET /api/plan.ics` (the week, and as a calendar
 * file), and `GET /api/report` (the clinician report, HTML or PDF).
 */
import { z } from 'zod';
import { conflict } from '../../errors.js';
import { renderReportHtml } from '../../report/index.js';
import { toIcs } from '../../schedule/index.js';
import { loadDiary, progressOf, progressReport, triggersOf } from '../../services/insights.js';
import { planWeek, reportInput } from '../../services/plan.js';
import { units } from '../../services/runs.js';
import type { RouteGroup } from '../context.js';
import { attachment, parseWith, today } from '../http.js';

const NO_ASSESSMENT = 'no assessment yet: do a check-in first, then the plan is ready';

const IcsQuery = z.object({ weeks: z.coerce.number().int().min(1).max(52).default(6) });
const ReportQuery = z.object({
  format: z.enum(['html', 'pdf']).default('html'),
  units: z.enum(['km', 'mi']).optional(),
});

/** Registers the insight, progress, plan and report routes. */
export const analysisRoutes: RouteGroup = (app, ctx) => {
  app.get('/api/insights', async (c) => {
    const data = await loadDiary(await ctx.store.get());
    return c.json(await triggersOf(data));
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
    const { weeks } = parseWith(IcsQuery, c.req.query());
    const data = await loadDiary(await ctx.store.get());
    if (!data.latest) throw conflict(NO_ASSESSMENT);
    const now = ctx.now();
    const week = await planWeek(data, now);
    const ics = toIcs(week.schedule, {
      weeks,
      now,
      calendarName: 'Backstride plan',
      ...(week.checkBack ? { checkBack: week.checkBack } : {}),
    });
    return c.body(ics, 200, attachment('text/calendar; charset=utf-8', 'backstride-plan.ics'));
  });

  app.get('/api/report', async (c) => {
    const q = parseWith(ReportQuery, c.req.query());
    const u = units({ units: q.units });
    const data = await loadDiary(await ctx.store.get());
    const now = ctx.now();
    const input = await reportInput(data, now, u, await progressOf(data, now.getTime()));
    const html = renderReportHtml(input);
    const name = `backstride-report-${today(now)}`;
    if (q.format === 'html') return c.body(html, 200, attachment('text/html; charset=utf-8', `${name}.html`));
    // Chromium loads only for a PDF; a missing browser is a bad-input error with a one-line reason.
    const { renderReportPdf } = await import('../../report/pdf.js');
    const pdf = await renderReportPdf(html);
    return c.body(pdf as Uint8Array<ArrayBuffer>, 200, attachment('application/pdf', `${name}.pdf`));
  });
};
