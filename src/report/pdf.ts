/**
 * The clinician report as a PDF: the HTML report printed to A4 by a headless Chromium through
 * playwright-core. Chromium is an optional system dependency (Debian's `chromium` package in CI), so a
 * missing browser is an expected failure with a plain message, and the HTML report stays the fallback.
 * The page is offline: the report has nothing to fetch, and blocking the network makes sure of it.
 */
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { BackstrideError } from '../errors.js';

/** Where Chromium is looked for when no path is given and `BACKSTRIDE_CHROMIUM` is unset. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/**
 * Headless Chromium with nothing reaching out: no background networking, component updates or sync
 * (this machine has no network, and the product makes no network calls). Shared with the browser tests.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

/** The message for a missing browser: one line, and it says what still works. */
export const CHROMIUM_MISSING =
  'PDF needs Chromium (set BACKSTRIDE_CHROMIUM or install chromium); the HTML report works without it';

/** Options for {@link renderReportPdf}. */
export type PdfOptions = {
  /** The Chromium executable; defaults to `BACKSTRIDE_CHROMIUM`, then `/usr/bin/chromium`. */
  chromiumPath?: string;
};

/**
 * The Chromium executable the PDF renderer will use: the option, then `BACKSTRIDE_CHROMIUM`, then the
 * Debian path. Exported so callers (and tests) can check for it before offering a PDF.
 */
export function chromiumPath(options: PdfOptions = {}): string {
  return options.chromiumPath ?? process.env.BACKSTRIDE_CHROMIUM ?? DEFAULT_CHROMIUM;
}

/**
 * Print an HTML report to an A4 PDF with page numbers in the footer.
 * @example await writeFile('report.pdf', await renderReportPdf(renderReportHtml(input)))
 * @throws BackstrideError (bad-input) when the Chromium executable is missing.
 */
export async function renderReportPdf(html: string, options: PdfOptions = {}): Promise<Uint8Array> {
  const executablePath = chromiumPath(options);
  try {
    await access(executablePath, constants.X_OK);
  } catch {
    throw new BackstrideError('bad-input', CHROMIUM_MISSING);
  }
  // A fresh temporary profile per launch: nothing from a previous run leaks into the report.
  const browser = await chromium.launch({
    executablePath,
    args: [...CHROMIUM_ARGS],
  });
  try {
    // No scripts and no network: the report needs neither, and a stray URL must not be fetched.
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const page = await context.newPage();
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print', colorScheme: 'light' });
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      // The same margins as the report's @page rule, so the browser and the footer agree on the space.
      margin: { top: '16mm', right: '14mm', bottom: '18mm', left: '14mm' },
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate:
        '<div style="width:100%;font-size:8pt;color:#000;text-align:center;font-family:sans-serif">' +
        'Backstride clinician report · prepared by the runner; not a diagnosis · page ' +
        '<span class="pageNumber"></span> of <span class="totalPages"></span></div>',
      tagged: true,
      outline: true,
    });
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  } finally {
    await browser.close();
  }
}
