import { defineMessages } from '../i18n/i18n.ts';

const SOURCE_NAMES: Record<string, { fr: string; en: string }> = {
  simulator: { fr: 'simulateur', en: 'simulator' },
  icinga2: { fr: 'Icinga 2', en: 'Icinga 2' },
};

export const appMessages = defineMessages(
  {
    scope: 'Périmètre',
    allScope: 'Toutes les collectivités',
    managedIt: 'Infogérance',
    contribution: 'Contribution',
    language: 'Langue',
    data: {
      live: 'Données en direct',
      connecting: 'Connexion au flux…',
      offline: 'Flux interrompu',
      stale: 'Données périmées',
    },
    reason: {
      'stream-down': 'la connexion au serveur Vigie est perdue, reconnexion en cours',
      'source-stale': 'le moteur de supervision ne répond plus',
      'too-old': 'aucune donnée reçue récemment',
    },
    updated: (age: string) => `mise à jour ${age}`,
    /** The engine behind the gateway, by its source id (an unknown id is shown as is). */
    source: (id: string) => `Source : ${SOURCE_NAMES[id]?.fr ?? id}`,
    notFound: 'Page introuvable',
    backHome: 'Retour au tableau de bord',
    forbiddenScope: 'Cette collectivité ne fait pas partie de votre périmètre.',
    backToDashboard: 'Retour au tableau de bord',
    skipToContent: 'Aller au contenu',
    wallPending: 'Affichage mural',
    map: 'Carte',
    details: 'Détails',
  },
  {
    scope: 'Scope',
    allScope: 'All collectivités',
    managedIt: 'Managed IT',
    contribution: 'Contribution',
    language: 'Language',
    data: {
      live: 'Live data',
      connecting: 'Connecting to the stream…',
      offline: 'Stream down',
      stale: 'Stale data',
    },
    reason: {
      'stream-down': 'the connection to the Vigie server is lost, reconnecting',
      'source-stale': 'the monitoring engine stopped answering',
      'too-old': 'no data received recently',
    },
    updated: (age: string) => `updated ${age}`,
    source: (id: string) => `Source: ${SOURCE_NAMES[id]?.en ?? id}`,
    notFound: 'Page not found',
    backHome: 'Back to the dashboard',
    forbiddenScope: 'This collectivité is outside your scope.',
    backToDashboard: 'Back to the dashboard',
    skipToContent: 'Skip to content',
    wallPending: 'Wall display',
    map: 'Map',
    details: 'Details',
  },
);
