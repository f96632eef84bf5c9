// The convention's services by the names the référent reads on screen, for the documents the
// gateway writes in French (CSV tables here, PDFs in server/reports/). The SPA's names are in
// src/i18n/common.ts, which the gateway does not import; e2e/reports.e2e.ts reads both.
import type { SlaService } from '../../src/domain/service-sla.ts';

export const SERVICE_NAMES: Readonly<Record<SlaService, string>> = { internet: 'Accès à Internet', links: 'Liens inter-sites et réseau', servers: 'Serveurs et disques', cameras: 'Caméras' };
