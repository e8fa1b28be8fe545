/**
 * Reports: the annual progress report and the board briefing pack, for the group or one school,
 * a period, an "as of" date and a language, as accessible HTML or as PDF.
 */
import type { ServiceDeps, WorkspaceScope } from '../context.ts';
import { buildReportModel, type ReportRequest, type ReportSources } from './model.ts';
import { reportTitle } from './layout.ts';
import { allow } from '../guard.ts';

export type { ReportKind, ReportLang, ReportRequest } from './model.ts';

/** A rendered report. */
export interface RenderedReport {
  contentType: string;
  /** A file name for downloads, e.g. strata-annual-2025-IMT-fr.pdf. */
  fileName: string;
  body: string | Buffer;
  title: string;
}

/** Creates the reports service over the read services it gathers content from. */
export function reportsService(deps: ServiceDeps, sources: ReportSources) {
  return {
    async render(
      scope: WorkspaceScope,
      request: ReportRequest & { format: 'html' | 'pdf' },
    ): Promise<RenderedReport> {
      allow(scope, scope.principal.kind !== 'anonymous', 'read reports');
      const model = await buildReportModel(deps, sources, scope, request);
      const who = model.unit?.code ?? 'group';
      const base = `strata-${model.kind}-${model.period}-${who}-${model.lang}`.replace(
        /[^A-Za-z0-9._-]/g,
        '_',
      );
      const title = reportTitle(model).full;
      // The renderers (ECharts, react-pdf) load when a report is first asked for, not at start.
      if (request.format === 'pdf') {
        const { renderReportPdf } = await import('./pdf.ts');
        return {
          contentType: 'application/pdf',
          fileName: `${base}.pdf`,
          body: await renderReportPdf(model),
          title,
        };
      }
      const { renderReportHtml } = await import('./html.ts');
      return {
        contentType: 'text/html; charset=utf-8',
        fileName: `${base}.html`,
        body: renderReportHtml(model),
        title,
      };
    },
  };
}
