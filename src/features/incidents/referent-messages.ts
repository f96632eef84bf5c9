// Words of the référent's incident view (their open incidents, then their past 12 months).
import { defineMessages } from '../../i18n/i18n.ts';

export const REFERENT_STATUS_FILTERS = ['all', 'open', 'acknowledged', 'in-progress', 'resolved', 'closed'] as const;
export type ReferentStatusFilter = (typeof REFERENT_STATUS_FILTERS)[number];

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

export const referentIncidentMessages = defineMessages(
  {
    site: 'Site',
    allSites: 'Tous les sites',
    status: 'État',
    statusFilter: (s: ReferentStatusFilter) =>
      ({ all: 'Tous', open: 'En attente de prise en charge', acknowledged: 'Pris en charge', 'in-progress': 'Intervention en cours', resolved: 'Résolus', closed: 'Clos' })[s],
    openTitle: 'En cours',
    openCount: (n: number) => (n === 0 ? 'aucun' : plural(n, 'incident', 'incidents')),
    noneOpen: 'Aucun incident en cours pour ces filtres.',
    pastTitle: 'Les 12 derniers mois',
    nonePast: 'Aucun incident résolu sur les 12 derniers mois pour ces filtres.',
  },
  {
    site: 'Site',
    allSites: 'All sites',
    status: 'State',
    statusFilter: (s: ReferentStatusFilter) =>
      ({ all: 'All', open: 'Waiting to be taken on', acknowledged: 'Taken on', 'in-progress': 'Intervention under way', resolved: 'Resolved', closed: 'Closed' })[s],
    openTitle: 'Open',
    openCount: (n: number) => (n === 0 ? 'none' : plural(n, 'incident', 'incidents')),
    noneOpen: 'No open incident for these filters.',
    pastTitle: 'The past 12 months',
    nonePast: 'No resolved incident in the past 12 months for these filters.',
  },
);
