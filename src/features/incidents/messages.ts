import type { DeliveryNote, IncidentStatus, TimelineKind } from '../../domain/model.ts';
import type { OperatorActionType } from '../../domain/incident-rules.ts';
import { defineMessages } from '../../i18n/i18n.ts';
import type { StatusWords } from './incident-words.ts';
import type { IncidentPhase } from './incident-phases.ts';
import type { IncidentPeriod, IncidentStatusFilter } from './api/incidents-query-options.ts';

export const incidentMessages = defineMessages(
  {
    title: 'Incidents',
    statusWords: ({ kind, when, today }: StatusWords) => {
      const at = `${today ? 'à' : 'le'} ${when}`;
      return {
        open: `Ouvert ${at}, en attente de prise en charge`,
        acknowledged: `Pris en charge par la cellule support ${at}`,
        'in-progress': `Intervention en cours depuis ${today ? '' : 'le '}${when}`,
        resolved: `Résolu ${at}`,
        closed: `Clos ${at}`,
      }[kind];
    },
    filters: 'Filtres',
    collectivite: 'Collectivité',
    allCollectivites: 'Toutes',
    state: 'État',
    period: 'Période',
    statusFilter: (s: IncidentStatusFilter) =>
      ({ all: 'Tous', active: 'En cours (non résolus)', open: 'Ouverts', acknowledged: 'Acquittés', 'in-progress': 'En intervention', resolved: 'Résolus', closed: 'Clos' })[s],
    periodFilter: (p: IncidentPeriod) => ({ all: 'Toute période', month: 'Mois en cours', semester: 'Semestre en cours', year: 'Année en cours' })[p],
    status: (s: IncidentStatus) =>
      ({ open: 'Ouvert', acknowledged: 'Acquitté', 'in-progress': 'En intervention', resolved: 'Résolu', closed: 'Clos' })[s],
    severity: (s: 'WARNING' | 'CRITICAL') => (s === 'CRITICAL' ? 'Critique' : 'Alerte'),
    colOpened: 'Ouvert le',
    colWhere: 'Lieu',
    colProbe: 'Sonde',
    colSeverity: 'Gravité',
    colStatus: 'État',
    details: (probe: string) => `Détails de l’incident ${probe}`,
    empty: 'Aucun incident pour ces filtres.',
    loading: 'Chargement des incidents…',
    loadFailed: 'Impossible de charger les incidents.',
    notFound: 'Cet incident n’existe pas ou ne concerne pas votre périmètre.',
    directLink: 'Lien direct vers cet incident',
    retry: 'Réessayer',
    pageOf: (page: number, pages: number, total: number) => `Page ${page} sur ${pages} · ${total} incident${total > 1 ? 's' : ''}`,
    previous: 'Page précédente',
    next: 'Page suivante',
    pagination: 'Pagination des incidents',
    timelineTitle: 'Chronologie des incidents',
    timelineHint: 'ouvert → acquitté → intervention → résolu',
    timelineEmpty: 'Aucun incident à dessiner sur la période.',
    phase: (p: IncidentPhase) => ({ open: 'Ouvert', acknowledged: 'Acquitté', intervention: 'En intervention', resolved: 'Résolu' })[p],
    phaseSpan: (phase: string, from: string, to: string) => `${phase} de ${from} à ${to}`,
    entry: (k: TimelineKind) =>
      ({
        opened: 'Ouverture',
        notified: 'Notification (non vérifiée)',
        'state-changed': 'Changement d’état',
        acknowledged: 'Acquittement',
        commented: 'Commentaire',
        'intervention-started': 'Début d’intervention',
        resolved: 'Résolution',
        reopened: 'Réouverture',
        closed: 'Clôture',
      })[k],
    by: (who: string) => `par ${who}`,
    delivery: (d: DeliveryNote, retryAt?: string) => {
      const what = d.channel === 'mail' ? 'Mail' : 'SMS';
      const who = d.audiences.length === 1 ? (d.audiences[0] === 'support' ? 'au support' : 'au référent') : `à ${d.recipients} destinataires`;
      const count = d.audiences.length === 1 && d.recipients > 1 ? ` (${d.recipients} destinataires)` : '';
      const digest = d.digestOf ? `, regroupé avec ${d.digestOf - 1} autre${d.digestOf > 2 ? 's' : ''} alarme${d.digestOf > 2 ? 's' : ''}` : '';
      switch (d.outcome) {
        case 'sent':
          return `${what} envoyé ${who}${count}${digest}`;
        case 'failed':
          return `${what} ${who}${count} : échec${retryAt ? `, nouvel essai à ${retryAt}` : ''}`;
        case 'dead':
          return `${what} ${who}${count} : abandonné après plusieurs échecs`;
        case 'no-channel':
          return `${what} non envoyé ${who}${count} : aucun canal configuré`;
      }
    },
    history: 'Historique',
    probeOutput: (state: string) => `Ce que dit la sonde (${state})`,
    perfdata: 'détails',
    perfdataHint: 'Mesures brutes de la sonde',
    close: 'Fermer',
    comment: 'Commentaire',
    commentHint: 'Obligatoire pour acquitter ou commenter.',
    commentRequired: 'Saisissez un commentaire : il est obligatoire pour cette action.',
    action: (a: OperatorActionType) =>
      ({ acknowledge: 'Acquitter', comment: 'Ajouter le commentaire', 'start-intervention': 'Démarrer l’intervention', close: 'Clore' })[a],
    actionDone: (a: OperatorActionType) =>
      ({ acknowledge: 'Incident acquitté.', comment: 'Commentaire ajouté.', 'start-intervention': 'Intervention démarrée.', close: 'Incident clos.' })[a],
    actionFailed: (reason: string) => `Action refusée : ${reason}`,
    sending: 'Envoi…',
    actions: 'Actions',
  },
  {
    title: 'Incidents',
    statusWords: ({ kind, when, today }: StatusWords) => {
      const at = `${today ? 'at' : 'on'} ${when}`;
      return {
        open: `Opened ${at}, waiting to be taken on`,
        acknowledged: `Taken on by the support cell ${at}`,
        'in-progress': `Intervention under way since ${when}`,
        resolved: `Resolved ${at}`,
        closed: `Closed ${at}`,
      }[kind];
    },
    filters: 'Filters',
    collectivite: 'Collectivité',
    allCollectivites: 'All',
    state: 'State',
    period: 'Period',
    statusFilter: (s: IncidentStatusFilter) =>
      ({ all: 'All', active: 'Active (not resolved)', open: 'Open', acknowledged: 'Acknowledged', 'in-progress': 'Under intervention', resolved: 'Resolved', closed: 'Closed' })[s],
    periodFilter: (p: IncidentPeriod) => ({ all: 'Any time', month: 'This month', semester: 'This semester', year: 'This year' })[p],
    status: (s: IncidentStatus) =>
      ({ open: 'Open', acknowledged: 'Acknowledged', 'in-progress': 'Under intervention', resolved: 'Resolved', closed: 'Closed' })[s],
    severity: (s: 'WARNING' | 'CRITICAL') => (s === 'CRITICAL' ? 'Critical' : 'Warning'),
    colOpened: 'Opened',
    colWhere: 'Where',
    colProbe: 'Probe',
    colSeverity: 'Severity',
    colStatus: 'State',
    details: (probe: string) => `Details of incident ${probe}`,
    empty: 'No incident for these filters.',
    loading: 'Loading incidents…',
    loadFailed: 'Could not load incidents.',
    notFound: 'This incident does not exist or is outside your scope.',
    directLink: 'Direct link to this incident',
    retry: 'Retry',
    pageOf: (page: number, pages: number, total: number) => `Page ${page} of ${pages} · ${total} incident${total > 1 ? 's' : ''}`,
    previous: 'Previous page',
    next: 'Next page',
    pagination: 'Incident pages',
    timelineTitle: 'Incident timeline',
    timelineHint: 'opened → acknowledged → intervention → resolved',
    timelineEmpty: 'No incident to draw in the period.',
    phase: (p: IncidentPhase) => ({ open: 'Open', acknowledged: 'Acknowledged', intervention: 'Under intervention', resolved: 'Resolved' })[p],
    phaseSpan: (phase: string, from: string, to: string) => `${phase} from ${from} to ${to}`,
    entry: (k: TimelineKind) =>
      ({
        opened: 'Opened',
        notified: 'Notification (unverified)',
        'state-changed': 'State changed',
        acknowledged: 'Acknowledged',
        commented: 'Comment',
        'intervention-started': 'Intervention started',
        resolved: 'Resolved',
        reopened: 'Reopened',
        closed: 'Closed',
      })[k],
    by: (who: string) => `by ${who}`,
    delivery: (d: DeliveryNote, retryAt?: string) => {
      const what = d.channel === 'mail' ? 'Mail' : 'SMS';
      const who = d.audiences.length === 1 ? (d.audiences[0] === 'support' ? 'to support' : 'to the référent') : `to ${d.recipients} recipients`;
      const count = d.audiences.length === 1 && d.recipients > 1 ? ` (${d.recipients} recipients)` : '';
      const digest = d.digestOf ? `, grouped with ${d.digestOf - 1} other alarm${d.digestOf > 2 ? 's' : ''}` : '';
      switch (d.outcome) {
        case 'sent':
          return `${what} sent ${who}${count}${digest}`;
        case 'failed':
          return `${what} ${who}${count}: failed${retryAt ? `, next attempt at ${retryAt}` : ''}`;
        case 'dead':
          return `${what} ${who}${count}: given up after repeated failures`;
        case 'no-channel':
          return `${what} not sent ${who}${count}: no channel configured`;
      }
    },
    history: 'History',
    probeOutput: (state: string) => `What the probe says (${state})`,
    perfdata: 'details',
    perfdataHint: 'The probe’s raw measurements',
    close: 'Close',
    comment: 'Comment',
    commentHint: 'Required to acknowledge or comment.',
    commentRequired: 'Enter a comment: this action requires one.',
    action: (a: OperatorActionType) =>
      ({ acknowledge: 'Acknowledge', comment: 'Add comment', 'start-intervention': 'Start intervention', close: 'Close incident' })[a],
    actionDone: (a: OperatorActionType) =>
      ({ acknowledge: 'Incident acknowledged.', comment: 'Comment added.', 'start-intervention': 'Intervention started.', close: 'Incident closed.' })[a],
    actionFailed: (reason: string) => `Action refused: ${reason}`,
    sending: 'Sending…',
    actions: 'Actions',
  },
);
