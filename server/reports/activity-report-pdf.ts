// The managed-IT semester activity report (convention d'infogérance, art. 7: "un rapport
// d'activité semestriel de l'infogérance"): the convention and its units (used in the semester,
// used in all, left), preventive against curative work, remote against on site, every action, the
// assistance requests, and the supervision's availability summary over the same semester.
import { frenchDate, frenchDateTime, frenchPercent } from './french-format.ts';
import { SERVICE_NAMES } from '../http/service-names.ts';
import { drawManagedItSection } from './managed-it-section.ts';
import { createReportPdf } from './pdf/report-pdf.ts';
import type { ActivityReportInput } from './document-inputs.ts';

export type { ActivityReportInput } from './document-inputs.ts';


const TICKET_STATUS = { open: 'ouverte', 'in-progress': 'en cours', resolved: 'résolue', closed: 'close' } as const;
const units = (n: number) => `${n} unité${n > 1 ? 's' : ''}`;

export async function activityReportPdf(input: ActivityReportInput): Promise<Uint8Array> {
  const { report, activity, convention, timeZone } = input;
  const period = `du ${frenchDate(report.from, timeZone)} au ${frenchDate(report.to - 1, timeZone)}`;
  const pdf = createReportPdf({
    title: `Rapport d’activité d’infogérance — ${input.collectiviteName} — ${input.semester}`,
    creationDate: new Date(report.generatedAt),
    subject: 'Convention d’accompagnement à l’infogérance, art. 7 : rapport d’activité semestriel',
  });
  pdf.cover({
    title: 'Rapport d’activité semestriel d’infogérance',
    subtitle: input.collectiviteName,
    lines: [
      `Période : ${input.semester} (${period})`,
      convention ? `Convention n° ${convention.number}, du ${frenchDate(convention.start, timeZone)} au ${frenchDate(convention.end, timeZone)}` : 'Aucune convention d’infogérance sur la période',
      `Situation au ${frenchDateTime(report.generatedAt, timeZone)}`,
      'Moselle Fibre — convention d’accompagnement à l’infogérance, art. 7',
    ],
  });

  const actions = activity?.actions ?? [];
  const sum = (keep: (a: (typeof actions)[number]) => boolean) => actions.filter(keep).reduce((n, a) => n + a.units, 0);
  const count = (keep: (a: (typeof actions)[number]) => boolean) => actions.filter(keep).length;
  pdf.section('Unités de temps');
  pdf.keyValues([
    ...(convention
      ? ([
          ['Unités souscrites', String(convention.unitsBought)],
          ['Unités utilisées depuis le début de la convention', String(convention.standing.used)],
          ['Unités restantes', String(convention.standing.left)],
          ...(convention.standing.overrun > 0 ? [['Unités au-delà du solde (à régulariser)', String(convention.standing.overrun)] as const] : []),
          ['État de la convention', CONVENTION_STATE[convention.standing.state] + (convention.standing.alert === 'warning' ? ' — 80 % des unités consommées' : '')],
        ] as const)
      : []),
    ['Unités utilisées sur le semestre', String(activity?.unitsUsed ?? 0)],
    ['Actions réalisées', String(actions.length)],
    ['Maintenance préventive', `${count((a) => a.nature === 'preventive')} action(s), ${units(sum((a) => a.nature === 'preventive'))}`],
    ['Maintenance curative', `${count((a) => a.nature === 'curative')} action(s), ${units(sum((a) => a.nature === 'curative'))}`],
    ['À distance / sur site', `${count((a) => a.place === 'remote')} / ${count((a) => a.place === 'on-site')}`],
  ]);
  if (actions.length > 0) {
    const total = activity?.unitsUsed ?? 0;
    pdf.barChart({
      bars: [
        { label: 'Préventive', value: sum((a) => a.nature === 'preventive') },
        { label: 'Curative', value: sum((a) => a.nature === 'curative') },
      ],
      min: 0,
      max: Math.max(1, total),
      format: (v) => units(Math.round(v)),
    });
  }

  drawManagedItSection(pdf, activity, timeZone);

  pdf.section('Demandes d’assistance');
  pdf.table({
    columns: [{ header: 'Ouverte le', width: 1.8 }, { header: 'Objet', width: 4.5 }, { header: 'Statut', width: 1.2 }, { header: 'Actions', width: 1, align: 'right' }, { header: 'Unités', width: 1, align: 'right' }],
    rows: input.tickets.map((t) => [frenchDateTime(t.createdAt, timeZone), t.subject, TICKET_STATUS[t.status], String(t.actionIds.length), String(t.units)]),
    empty: 'Aucune demande d’assistance sur la période.',
  });

  pdf.section('Disponibilité des services supervisés (résumé)');
  pdf.keyValues([
    ['Disponibilité (heures couvertes)', `${frenchPercent(report.total.ratio)} — objectif ${frenchPercent(report.target, 0)}`],
    ['GTI', `${report.gti.met} respectée(s), ${report.gti.breached} dépassée(s)`],
    ['Incidents', String(report.incidents.length)],
  ]);
  pdf.table({
    columns: [{ header: 'Service', width: 3 }, { header: 'Sondes', width: 1, align: 'right' }, { header: 'Disponibilité', width: 1.5, align: 'right' }],
    rows: report.services.map((s) => [SERVICE_NAMES[s.service], String(s.probeCount), frenchPercent(s.ratio)]),
    empty: 'Aucune sonde supervisée.',
  });

  pdf.footer([
    'Décompte (art. 2) : 1 unité par tranche de 15 minutes d’action entamée, à distance ou sur site, comptée action par action.',
    'La convention s’achève à l’épuisement des unités souscrites (art. 3) ; une action qui les dépasse est comptée entière et le dépassement est à régulariser.',
  ]);
  return pdf.finish();
}

const CONVENTION_STATE = { upcoming: 'à venir', active: 'en cours', exhausted: 'unités épuisées, convention terminée', expired: 'échue' } as const;
