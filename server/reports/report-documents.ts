// The gateway's documents (api-deps.ts ReportDocuments): PDFs rendered in Node with pdfkit. The
// managed-IT activity provider is added by the managed-IT store when it exists.
import type { ReportDocuments } from '../http/api-deps.ts';
import { periodReportPdf } from './period-report-pdf.ts';
import { activityReportPdf } from './activity-report-pdf.ts';
import { contributionCallPdf } from './contribution-call-pdf.ts';

export function reportDocuments(extra: Partial<ReportDocuments> = {}): ReportDocuments {
  return { periodReport: periodReportPdf, activityReport: activityReportPdf, contributionCall: contributionCallPdf, ...extra };
}
