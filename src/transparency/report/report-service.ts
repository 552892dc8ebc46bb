import type { Locale } from '../../core/l10n.js';
import { createReportData, type ReportDeps, type YearlyReport } from './report-data.js';
import { reportDocument } from './report-document.js';
import { reportHtml } from './report-html.js';
import { reportPdf } from './report-pdf.js';

/** The yearly report (OPEN-6) as JSON, HTML and PDF; all three from the same figures. */
export function createReportService(deps: ReportDeps) {
  const data = createReportData(deps);
  return {
    build: (orgSlug: string | undefined, year: number): Promise<YearlyReport> => data.build(orgSlug, year),

    async html(orgSlug: string | undefined, year: number, locale: Locale): Promise<string> {
      return reportHtml(reportDocument(await data.build(orgSlug, year), locale));
    },

    async pdf(orgSlug: string | undefined, year: number, locale: Locale, options: { compress?: boolean } = {}): Promise<Buffer> {
      return reportPdf(reportDocument(await data.build(orgSlug, year), locale), options);
    },
  };
}

export type ReportService = ReturnType<typeof createReportService>;
