import type { GtiState } from '../../domain/gti.ts';
import { defineMessages } from '../../i18n/i18n.ts';

export const gtiMessages = defineMessages(
  {
    title: 'GTI — interventions en cours',
    explain: 'Garantie de temps d’intervention : 8 heures couvertes (lun.–ven. 9 h–17 h 30, hors jours fériés).',
    status: (s: GtiState) => ({ 'on-track': 'Dans les temps', 'at-risk': 'À risque', breached: 'Dépassée', met: 'Respectée' })[s],
    left: (time: string) => `${time} couvertes restantes`,
    over: (time: string) => `dépassée de ${time} couvertes`,
    metAt: (time: string) => `intervention à ${time}`,
    deadline: (when: string) => `échéance ${when}`,
    noOpen: 'Aucun incident ouvert : aucune GTI en cours.',
    loadingCalendar: 'Chargement du calendrier des heures couvertes…',
    calendarError: 'Calendrier des heures couvertes indisponible : les comptes à rebours ne peuvent pas être calculés.',
    compliance: 'Conformité GTI',
    complianceDetail: (met: number, breached: number) =>
      `${met} respectée${met > 1 ? 's' : ''}, ${breached} dépassée${breached > 1 ? 's' : ''}`,
    noDecided: 'Aucune GTI échue sur la période.',
    period: (p: 'month' | 'semester') => (p === 'month' ? 'ce mois-ci' : 'ce semestre'),
    bannerTitle: 'GTI à surveiller',
    bannerNone: 'Toutes les GTI sont dans les temps',
    retry: 'Réessayer',
  },
  {
    title: 'GTI — interventions under way',
    explain: 'Guaranteed intervention time: 8 covered hours (Mon–Fri 9:00–17:30, excluding public holidays).',
    status: (s: GtiState) => ({ 'on-track': 'On track', 'at-risk': 'At risk', breached: 'Breached', met: 'Met' })[s],
    left: (time: string) => `${time} covered left`,
    over: (time: string) => `over by ${time} covered`,
    metAt: (time: string) => `intervention at ${time}`,
    deadline: (when: string) => `due ${when}`,
    noOpen: 'No open incident: no GTI running.',
    loadingCalendar: 'Loading the covered-hours calendar…',
    calendarError: 'Covered-hours calendar unavailable: countdowns cannot be computed.',
    compliance: 'GTI compliance',
    complianceDetail: (met: number, breached: number) => `${met} met, ${breached} breached`,
    noDecided: 'No GTI decided in the period.',
    period: (p: 'month' | 'semester') => (p === 'month' ? 'this month' : 'this semester'),
    bannerTitle: 'GTIs to watch',
    bannerNone: 'Every GTI is on track',
    retry: 'Retry',
  },
);
