import { defineMessages } from './i18n.ts';

export const common = defineMessages(
  {
    appName: 'Vigie',
    state: { OK: 'OK', WARNING: 'Alerte', CRITICAL: 'Critique', UNKNOWN: 'Inconnu', PENDING: 'En attente' },
    role: { support: 'Cellule de supervision', referent: 'Référent', kiosk: 'Écran mural' },
    loading: 'Chargement…',
    empty: 'Rien à afficher',
    error: 'Une erreur est survenue',
    retry: 'Réessayer',
    close: 'Fermer',
    allCollectivites: 'Toutes les collectivités',
    /** The convention's four services (src/domain/service-sla.ts): the référent's view and the reports. */
    slaService: { internet: 'Accès à Internet', links: 'Liens inter-sites et réseau', servers: 'Serveurs et disques', cameras: 'Caméras' },
  },
  {
    appName: 'Vigie',
    state: { OK: 'OK', WARNING: 'Warning', CRITICAL: 'Critical', UNKNOWN: 'Unknown', PENDING: 'Pending' },
    role: { support: 'Support cell', referent: 'Référent', kiosk: 'Wall display' },
    loading: 'Loading…',
    empty: 'Nothing to show',
    error: 'Something went wrong',
    retry: 'Retry',
    close: 'Close',
    allCollectivites: 'All collectivités',
    slaService: { internet: 'Internet access', links: 'Inter-site links and network', servers: 'Servers and disks', cameras: 'Cameras' },
  },
);
