// The "appel à contribution" of one collectivité for the year (convention de services numériques,
// annex 2 art. 3): probes in use, the pack they make, the yearly amount at 1 € per probe, called in
// the second semester. Figures come from the estate as the gateway sees it on the day of issue.
import { DEFAULT_CONTRIBUTION_TERMS } from '../../src/domain/contribution.ts';
import { frenchDate } from './french-format.ts';
import { createReportPdf } from './pdf/report-pdf.ts';
import type { ContributionCallInput } from './document-inputs.ts';

export type { ContributionCallInput } from './document-inputs.ts';


const euros = (n: number) => `${n.toFixed(2).replace('.', ',').replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f')} €`;

export async function contributionCallPdf(input: ContributionCallInput): Promise<Uint8Array> {
  const terms = DEFAULT_CONTRIBUTION_TERMS;
  const pdf = createReportPdf({ title: `Appel à contribution ${input.year} — ${input.name}`, creationDate: new Date(input.issuedAt), subject: 'Convention de services numériques, annexe 2 art. 3 : contribution annuelle à la supervision' });
  pdf.cover({
    title: `Appel à contribution ${input.year}`,
    subtitle: input.name,
    lines: [
      'Supervision des services numériques — Moselle Fibre',
      `Émis le ${frenchDate(input.issuedAt, input.timeZone)}, appel du second semestre ${input.year}`,
      'Convention de services numériques, annexe 2, article 3',
    ],
  });
  pdf.section('Contribution annuelle');
  pdf.keyValues([
    ['Collectivité', input.name],
    ['Sondes en service', String(input.probesInUse)],
    ['Pack souscrit', input.packSize === 0 ? 'aucun (pas de sonde en service)' : `${input.packSize} sondes`],
    ['Tarif', `${euros(terms.eurosPerProbe)} par sonde et par an`],
    ['Montant de la contribution', euros(input.eurosPerYear)],
  ]);
  pdf.table({
    columns: [{ header: 'Désignation', width: 5 }, { header: 'Quantité', width: 1.2, align: 'right' }, { header: 'Prix unitaire', width: 1.5, align: 'right' }, { header: 'Montant', width: 1.5, align: 'right' }],
    rows: [[`Supervision ${input.year} — pack de ${input.packSize} sondes (${input.probesInUse} en service)`, String(input.packSize), euros(terms.eurosPerProbe), euros(input.eurosPerYear)]],
  });
  pdf.paragraph(
    `La contribution est annuelle et n’est pas proratisée. Le pack est d’au moins ${terms.minimumPack} sondes, puis par tranches de ${terms.poolSize} sondes. ` +
      'Elle est appelée au second semestre de l’année ; le titre de recettes correspondant sera émis par Moselle Fibre.',
  );
  pdf.footer([`Calcul : ${terms.eurosPerProbe} € par sonde en service, pack minimal de ${terms.minimumPack} sondes puis tranches de ${terms.poolSize} (annexe 2, art. 3). Sondes comptées dans l’inventaire de supervision le jour de l’émission.`]);
  return pdf.finish();
}
