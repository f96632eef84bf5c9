// The period report's managed-IT section (also usable by the semester activity report): the
// actions of the period with their units, or the sentence saying there were none.
import type { ManagedItActivity } from '../../src/protocol/managed-it-activity.ts';
import { frenchDateTime } from './french-format.ts';
import type { ReportPdf } from './pdf/report-pdf.ts';

export const NO_MANAGED_IT_ACTIVITY = 'Aucune activité d’infogérance enregistrée';

export function drawManagedItSection(pdf: ReportPdf, activity: ManagedItActivity | undefined, timeZone: string): void {
  pdf.section('Activité d’infogérance');
  if (!activity || activity.actions.length === 0) {
    pdf.note(NO_MANAGED_IT_ACTIVITY);
    if (activity?.unitsLeft !== undefined) pdf.keyValues([['Unités restantes', String(activity.unitsLeft)]]);
    return;
  }
  pdf.keyValues([
    ...(activity.convention ? [['Convention', activity.convention] as const] : []),
    ['Unités utilisées sur la période', String(activity.unitsUsed)],
    ...(activity.unitsLeft !== undefined ? [['Unités restantes', String(activity.unitsLeft)] as const] : []),
  ]);
  pdf.table({
    columns: [
      { header: 'Date', width: 2 },
      { header: 'Durée', width: 1, align: 'right' },
      { header: 'Unités', width: 1, align: 'right' },
      { header: 'Lieu', width: 1.3 },
      { header: 'Nature', width: 1.3 },
      { header: 'Technicien', width: 1.6 },
      { header: 'Description', width: 4 },
    ],
    rows: activity.actions.map((a) => [
      frenchDateTime(a.at, timeZone),
      `${a.durationMinutes} min`,
      String(a.units),
      a.place === 'remote' ? 'à distance' : 'sur site',
      a.nature === 'preventive' ? 'préventive' : 'curative',
      a.technician,
      a.reference ? `${a.description} (${a.reference})` : a.description,
    ]),
  });
}
