// The period report as a PDF for one collectivité (or all, for support): cover, availability per
// service against the target with a bar chart, per probe, GTI compliance with each breach,
// incidents, maintenance windows, managed-IT activity, and on every page the covered-hours rules
// and the holidays the figures used. Reads only the PeriodReport the screen shows.
import type { ManagedItActivity } from '../../src/protocol/managed-it-activity.ts';
import type { PeriodReport } from '../../src/protocol/rest.ts';
import { frenchDate, frenchDateTime, frenchDays, frenchDuration, frenchIsoDate, frenchPercent, GTI_NAMES, INCIDENT_STATUS_NAMES } from './french-format.ts';
import { SERVICE_NAMES } from '../http/service-names.ts';
import { drawManagedItSection } from './managed-it-section.ts';
import { createReportPdf } from './pdf/report-pdf.ts';

export interface PeriodReportPdfContext {
  timeZone: string;
  managedIt?: ManagedItActivity;
}

const chartMin = (report: PeriodReport) => {
  const lowest = Math.min(report.target, ...report.services.map((s) => s.ratio ?? 1));
  return Math.max(0, Math.floor((lowest - 0.02) * 20) / 20);
};

export async function periodReportPdf(report: PeriodReport, { timeZone, managedIt }: PeriodReportPdfContext): Promise<Uint8Array> {
  const who = report.collectiviteName ?? 'Toutes les collectivités';
  const lastDay = frenchDate(report.to - 1, timeZone);
  const period = `du ${frenchDate(report.from, timeZone)} au ${lastDay}`;
  const pdf = createReportPdf({ title: `Rapport de service — ${who} — ${period}`, creationDate: new Date(report.generatedAt), subject: 'Convention de services numériques : disponibilité, GTI, incidents' });
  const target = frenchPercent(report.target, 0);

  pdf.cover({
    title: 'Rapport de service',
    subtitle: who,
    lines: [`Période : ${period}`, `Situation au ${frenchDateTime(report.generatedAt, timeZone)}`, 'Supervision Moselle Fibre — convention de services numériques, art. 7'],
  });

  pdf.section('Synthèse');
  pdf.keyValues([
    ['Disponibilité (heures couvertes)', `${frenchPercent(report.total.ratio)} — objectif ${target} ${verdict(report.total.meetsTarget)}`],
    ['Couverture de mesure', frenchPercent(report.total.coverage)],
    ['Indisponibilité', frenchDuration(report.total.downSeconds)],
    ['Maintenance déclarée', frenchDuration(report.total.maintenanceSeconds)],
    ['GTI (8 heures couvertes)', report.gti.compliance === null ? 'aucune échéance sur la période' : `${frenchPercent(report.gti.compliance, 0)} respectée (${report.gti.met} respectées, ${report.gti.breached} dépassées)`],
    ['Incidents', String(report.incidents.length) + (report.incidentsTruncated ? ' (liste tronquée, voir l’export CSV)' : '')],
  ]);

  pdf.section('Disponibilité par service', 160);
  pdf.barChart({
    bars: report.services.map((s) => ({ label: `${SERVICE_NAMES[s.service]} (${s.probeCount})`, value: s.ratio })),
    min: chartMin(report),
    max: 1,
    format: (v) => frenchPercent(v, 1),
    target: { value: report.target, label: `objectif ${target}` },
    missing: 'non mesuré',
  });
  pdf.table({
    columns: [{ header: 'Service', width: 3 }, { header: 'Sondes', width: 1, align: 'right' }, { header: 'Disponibilité', width: 1.5, align: 'right' }, { header: 'Indisponibilité', width: 1.5, align: 'right' }, { header: 'Objectif', width: 1.2 }],
    rows: report.services.map((s) => [SERVICE_NAMES[s.service], String(s.probeCount), frenchPercent(s.ratio), frenchDuration(s.downSeconds), verdict(s.meetsTarget)]),
    empty: 'Aucune sonde dans le périmètre.',
  });

  if (report.collectivites.length > 0) {
    pdf.section('Disponibilité par collectivité');
    pdf.table({
      columns: [{ header: 'Collectivité', width: 4 }, { header: 'Sondes', width: 1, align: 'right' }, { header: 'Disponibilité', width: 1.5, align: 'right' }, { header: 'Objectif', width: 1.2 }],
      rows: report.collectivites.map((c) => [c.name, String(c.probeCount), frenchPercent(c.ratio), verdict(c.meetsTarget)]),
    });
  }

  pdf.section(report.probesAreWorstOnly ? `Les ${report.probes.length} sondes les moins disponibles` : 'Disponibilité par sonde');
  pdf.table({
    columns: [{ header: 'Site', width: 2.5 }, { header: 'Sonde', width: 3 }, { header: 'Disponibilité', width: 1.4, align: 'right' }, { header: 'Indisponibilité', width: 1.4, align: 'right' }, { header: 'Couverture', width: 1.3, align: 'right' }],
    rows: report.probes.map((p) => [p.siteName, p.name, frenchPercent(p.ratio), frenchDuration(p.downSeconds), frenchPercent(p.coverage, 0)]),
    empty: 'Aucune sonde dans le périmètre.',
  });

  pdf.section('Garantie de temps d’intervention (GTI)');
  pdf.paragraph(`Échéance : 8 heures couvertes après l’ouverture de l’incident. Respectées : ${report.gti.met}. Dépassées : ${report.gti.breached}.`);
  pdf.table({
    columns: [{ header: 'Incident', width: 2.2 }, { header: 'Site — sonde', width: 3.5 }, { header: 'Ouvert', width: 1.8 }, { header: 'Échéance', width: 1.8 }, { header: 'Retard (h. couvertes)', width: 1.5, align: 'right' }],
    rows: report.gti.breaches.map((b) => [b.incidentId, `${b.siteName} — ${b.probeName}`, frenchDateTime(b.openedAt, timeZone), frenchDateTime(b.deadline, timeZone), frenchDuration(b.lateSeconds)]),
    empty: 'Aucun dépassement de GTI sur la période.',
  });

  pdf.section('Incidents');
  pdf.table({
    columns: [{ header: 'Ouvert', width: 1.8 }, { header: 'Site — sonde', width: 3.6 }, { header: 'Gravité', width: 1.2 }, { header: 'Statut', width: 1.3 }, { header: 'Résolu', width: 1.8 }, { header: 'GTI', width: 1.1 }],
    rows: report.incidents.map((i) => [
      frenchDateTime(i.openedAt, timeZone),
      `${i.siteName} — ${i.probeName}`,
      i.severity === 'CRITICAL' ? 'critique' : 'avertissement',
      INCIDENT_STATUS_NAMES[i.status] ?? i.status,
      i.resolvedAt === undefined ? '—' : frenchDateTime(i.resolvedAt, timeZone),
      GTI_NAMES[i.gti] ?? i.gti,
    ]),
    empty: 'Aucun incident sur la période.',
  });

  pdf.section('Opérations de maintenance');
  pdf.table({
    columns: [{ header: 'Début', width: 1.8 }, { header: 'Fin', width: 1.8 }, { header: 'Nature', width: 4.5 }, { header: 'Heures couvertes', width: 1.4, align: 'right' }],
    rows: report.maintenances.map((m) => [frenchDateTime(m.start, timeZone), frenchDateTime(m.end, timeZone), m.nature, frenchDuration(m.coveredSeconds)]),
    empty: 'Aucune opération de maintenance sur la période.',
  });

  drawManagedItSection(pdf, managedIt, timeZone);

  const c = report.calendar;
  const holidays = c.closedDates.map(frenchIsoDate);
  pdf.footer([
    `Heures couvertes : ${frenchDays(c.days)}, ${c.open}–${c.close} (${c.timeZone}), hors jours fériés. Disponible = OK ou WARNING ; indisponible = CRITICAL ; UNKNOWN et maintenance hors calcul.`,
    `Jours fériés (Alsace-Moselle) : ${holidays.length ? holidays.join(', ') : 'aucun sur la période'}.`,
  ]);
  return pdf.finish();
}

function verdict(meets: boolean | null): string {
  return meets === null ? '(non mesuré)' : meets ? '(atteint)' : '(non atteint)';
}
