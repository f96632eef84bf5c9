// Words for root causes in the incident lists (domain/incident-cause.ts): a cause row holds the
// incidents attached to it, and acting on it may act on them too.
import type { CauseKind } from '../../domain/model.ts';
import type { OperatorActionType } from '../../domain/incident-rules.ts';
import { defineMessages } from '../../i18n/i18n.ts';

export const causeMessages = defineMessages(
  {
    attachedToggle: (n: number) => `+${n} sonde${n > 1 ? 's' : ''} rattachée${n > 1 ? 's' : ''}`,
    attachedTitle: (probe: string) => `Incidents rattachés à ${probe}`,
    attachedLoading: 'Chargement des incidents rattachés…',
    attachedFailed: 'Impossible de charger les incidents rattachés.',
    attachedEmpty: 'Plus aucun incident rattaché pour ces filtres.',
    kind: (k: CauseKind) => ({ 'site-cut': 'Coupure d’accès', 'link-cut': 'Coupure du lien inter-sites', dependency: 'Dépendance déclarée', 'area-cut': 'Coupure de zone' })[k],
    attachedTo: (kind: string) => `Rattaché à une cause : ${kind}`,
    applyToAttached: (n: number) => `Appliquer aussi aux ${n} incident${n > 1 ? 's' : ''} rattaché${n > 1 ? 's' : ''}`,
    bulkDone: (a: OperatorActionType, done: number, refused: number) =>
      `${({ acknowledge: 'Acquittés', comment: 'Commentés', 'start-intervention': 'Intervention démarrée', close: 'Clos' })[a]} : ${done} incident${done > 1 ? 's' : ''}${refused ? ` · ${refused} refusé${refused > 1 ? 's' : ''} (déjà dans cet état ou hors d’état)` : ''}.`,
  },
  {
    attachedToggle: (n: number) => `+${n} attached probe${n > 1 ? 's' : ''}`,
    attachedTitle: (probe: string) => `Incidents attached to ${probe}`,
    attachedLoading: 'Loading the attached incidents…',
    attachedFailed: 'Could not load the attached incidents.',
    attachedEmpty: 'No attached incident left for these filters.',
    kind: (k: CauseKind) => ({ 'site-cut': 'Access cut', 'link-cut': 'Inter-site link cut', dependency: 'Declared dependency', 'area-cut': 'Area cut' })[k],
    attachedTo: (kind: string) => `Attached to a cause: ${kind}`,
    applyToAttached: (n: number) => `Also apply to the ${n} attached incident${n > 1 ? 's' : ''}`,
    bulkDone: (a: OperatorActionType, done: number, refused: number) =>
      `${({ acknowledge: 'Acknowledged', comment: 'Commented', 'start-intervention': 'Intervention started', close: 'Closed' })[a]}: ${done} incident${done > 1 ? 's' : ''}${refused ? ` · ${refused} refused (already in that state or not applicable)` : ''}.`,
  },
);
