import { defineMessages } from '../../i18n/i18n.ts';
import type { SlaPeriod } from './api/availability-query-options.ts';
import type { SlaVerdict } from './sla-verdict.ts';

export const slaMessages = defineMessages(
  {
    title: 'Disponibilité en heures couvertes',
    explain: 'Objectif contractuel : 96 % par service, lun.–ven. 9 h–17 h 30 hors jours fériés.',
    period: (p: SlaPeriod) => (p === 'month' ? 'Mois en cours' : 'Semestre en cours'),
    target: (pct: string) => `Objectif ${pct}`,
    verdict: (v: SlaVerdict) =>
      ({ met: 'Objectif tenu', tight: 'Marge faible', behind: 'Sous l’objectif à ce jour, rattrapable', missed: 'Sous l’objectif', 'too-early': 'Pas encore assez de mesures', unmeasured: 'Aucune mesure' })[v],
    tooEarly: (d: string) => `Pas encore assez de mesures — ${d} mesurées`,
    budgetLeft: (d: string) => `Marge restante : ${d} couvertes (cumul des sondes)`,
    budgetOver: (d: string) => `Marge dépassée de ${d} couvertes (cumul des sondes)`,
    budgetUsed: (pct: string) => `${pct} de la marge consommée`,
    coverage: (measured: string, unmeasured: string) => `Couverture : ${measured} mesuré (${unmeasured} non mesuré)`,
    coverageNone: 'Couverture : aucune mesure sur la période',
    downtime: (d: string) => `Indisponibilité : ${d}`,
    worstTitle: 'Sondes les moins disponibles',
    worstNone: 'Aucune indisponibilité mesurée sur la période.',
    noRatio: 'non mesurée',
    gaugeLabel: (title: string, value: string, target: string) => `${title} : ${value}, objectif ${target}`,
    loadFailed: 'Impossible de charger la disponibilité.',
    loading: 'Chargement de la disponibilité…',
    retry: 'Réessayer',
    overall: 'Toutes collectivités',
  },
  {
    title: 'Availability in covered hours',
    explain: 'Contract target: 96 % per service, Mon–Fri 9:00–17:30 excluding public holidays.',
    period: (p: SlaPeriod) => (p === 'month' ? 'This month' : 'This semester'),
    target: (pct: string) => `Target ${pct}`,
    verdict: (v: SlaVerdict) =>
      ({ met: 'Target met', tight: 'Low margin', behind: 'Below target so far, recoverable', missed: 'Below target', 'too-early': 'Not enough measurements yet', unmeasured: 'Not measured' })[v],
    tooEarly: (d: string) => `Not enough measurements yet — ${d} measured`,
    budgetLeft: (d: string) => `Error budget left: ${d} covered (summed over probes)`,
    budgetOver: (d: string) => `Error budget overspent by ${d} covered (summed over probes)`,
    budgetUsed: (pct: string) => `${pct} of the error budget used`,
    coverage: (measured: string, unmeasured: string) => `Coverage: ${measured} measured (${unmeasured} unmeasured)`,
    coverageNone: 'Coverage: nothing measured in the period',
    downtime: (d: string) => `Downtime: ${d}`,
    worstTitle: 'Least available probes',
    worstNone: 'No downtime measured in the period.',
    noRatio: 'not measured',
    gaugeLabel: (title: string, value: string, target: string) => `${title}: ${value}, target ${target}`,
    loadFailed: 'Could not load availability.',
    loading: 'Loading availability…',
    retry: 'Retry',
    overall: 'All collectivités',
  },
);
