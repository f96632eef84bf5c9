// The référent's SLA in words: per service of the convention, one sentence with the month's (or
// semester's) availability against 96 % and the downtime still possible before missing it.
import type { ServiceOutcome, SlaService } from '../../domain/service-sla.ts';
import { common } from '../../i18n/common.ts';
import { defineMessages } from '../../i18n/i18n.ts';

export interface ServiceSentence {
  /** "Ce mois-ci", "Novembre 2026", "1er semestre 2026". */
  label: string;
  outcome: ServiceOutcome;
  /** "99,9 %"; absent when nothing was measured. */
  availability?: string;
  target: string;
  /** The margin, or the overrun when missed, as covered hours and minutes. */
  margin: string;
  running: boolean;
}

const MONTHS_FR = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const serviceSlaMessages = defineMessages(
  {
    title: 'Vos services : disponibilité',
    periodChoice: 'Période',
    service: (s: SlaService) => common.fr.slaService[s],
    probes: (n: number) => `${n} sonde${n > 1 ? 's' : ''}`,
    month: (year: number, month: number, current: boolean) => (current ? 'Ce mois-ci' : `${capital(MONTHS_FR[month - 1]!)} ${year}`),
    semester: (year: number, first: number, current: boolean) => (current ? 'Ce semestre' : `${first === 1 ? '1er' : '2e'} semestre ${year}`),
    /** "6 h 10", "45 min". */
    duration: (hours: number, minutes: number) => (hours === 0 ? `${minutes} min` : `${hours} h ${String(minutes).padStart(2, '0')}`),
    sentence: ({ label, outcome, availability, target, margin, running }: ServiceSentence) => {
      switch (outcome) {
        case 'met':
          return running
            ? `${label} : ${availability} — objectif ${target} tenu ; il reste ${margin} d’indisponibilité possible avant de passer sous l’objectif.`
            : `${label} : ${availability} — objectif ${target} tenu, avec ${margin} de marge.`;
        case 'behind':
          return `${label} : ${availability} — sous l’objectif de ${target} pour l’instant, encore rattrapable : il reste ${margin} d’indisponibilité possible sur la période.`;
        case 'missed':
          return `${label} : ${availability} — objectif ${target} non tenu : ${margin} d’indisponibilité de trop.`;
        case 'too-early':
          return `${label} : pas encore assez de mesures pour juger.`;
        case 'unmeasured':
          return `${label} : aucune mesure pour ce service.`;
      }
    },
    badge: (o: ServiceOutcome) => ({ met: 'Objectif tenu', behind: 'À surveiller', missed: 'Objectif non tenu', 'too-early': 'Trop tôt pour juger', unmeasured: 'Non mesuré' })[o],
    howWeCount:
      'Comment on compte : seules les heures couvertes par la convention comptent (du lundi au vendredi, 9 h–17 h 30, hors jours fériés). Une maintenance annoncée ne compte pas. Quand une sonde n’a rien pu mesurer (équipement muet, supervision interrompue), ce temps ne compte ni pour ni contre vous : le pourcentage porte sur le temps réellement mesuré. La marge est le temps pendant lequel tout le service pourrait encore être coupé sur la période.',
    none: 'Aucun service supervisé dans votre collectivité.',
    loading: 'Chargement de la disponibilité…',
    loadFailed: 'Impossible de charger la disponibilité.',
    retry: 'Réessayer',
  },
  {
    title: 'Your services: availability',
    periodChoice: 'Period',
    service: (s: SlaService) => common.en.slaService[s],
    probes: (n: number) => `${n} probe${n > 1 ? 's' : ''}`,
    month: (year: number, month: number, current: boolean) => (current ? 'This month' : `${MONTHS_EN[month - 1]} ${year}`),
    semester: (year: number, first: number, current: boolean) => (current ? 'This semester' : `${first === 1 ? 'First' : 'Second'} half of ${year}`),
    duration: (hours: number, minutes: number) => (hours === 0 ? `${minutes} min` : `${hours} h ${String(minutes).padStart(2, '0')} min`),
    sentence: ({ label, outcome, availability, target, margin, running }: ServiceSentence) => {
      switch (outcome) {
        case 'met':
          return running
            ? `${label}: ${availability} — ${target} target met; ${margin} of downtime still possible before falling below it.`
            : `${label}: ${availability} — ${target} target met, with ${margin} to spare.`;
        case 'behind':
          return `${label}: ${availability} — below the ${target} target so far, still recoverable: ${margin} of downtime still possible in the period.`;
        case 'missed':
          return `${label}: ${availability} — ${target} target missed: ${margin} of downtime too many.`;
        case 'too-early':
          return `${label}: not enough measurements yet to judge.`;
        case 'unmeasured':
          return `${label}: nothing measured for this service.`;
      }
    },
    badge: (o: ServiceOutcome) => ({ met: 'Target met', behind: 'Watch', missed: 'Target missed', 'too-early': 'Too early to judge', unmeasured: 'Not measured' })[o],
    howWeCount:
      'How it is counted: only the hours the agreement covers count (Monday to Friday, 9:00–17:30, public holidays excluded). Announced maintenance does not count. When a probe could measure nothing (silent equipment, supervision down), that time counts neither for nor against you: the percentage is over the time actually measured. The margin is how long the whole service could still be down in the period.',
    none: 'No supervised service in your collectivité.',
    loading: 'Loading availability…',
    loadFailed: 'Could not load availability.',
    retry: 'Retry',
  },
);
