// Every TanStack Query key (and mutation key) of the SPA, in one factory: a read is cached under
// its key, and whatever must refetch it — its own feature, or the app composing several — names it
// through here, never by retyping the array. Keys are hierarchical: invalidating `incidents.all()`
// refetches every incident list.
import type { QueryKey } from '@tanstack/react-query';

export const queryKeys = {
  me: () => ['me'] as const,
  calendar: () => ['calendar'] as const,
  health: () => ['health'] as const,
  collectivites: () => ['collectivites'] as const,
  site: (siteId: string) => ['sites', siteId] as const,
  incidents: {
    all: () => ['incidents'] as const,
    lists: () => ['incidents', 'list'] as const,
    list: <F extends object>(filters: F) => ['incidents', 'list', filters] as const,
    one: (id: string) => ['incidents', 'one', id] as const,
  },
  gti: {
    all: () => ['gti'] as const,
    report: (collectiviteId: string | undefined, period: string) => ['gti', collectiviteId ?? 'all', period] as const,
  },
  reports: {
    all: () => ['reports'] as const,
    period: <Q extends object>(query: Q) => ['reports', 'period', query] as const,
  },
  maintenances: {
    all: () => ['maintenances'] as const,
    list: (collectiviteId: string | undefined) => ['maintenances', collectiviteId ?? 'all'] as const,
  },
  alarms: {
    all: () => ['alarms'] as const,
    health: () => ['alarms', 'health'] as const,
    recipients: () => ['alarms', 'recipients'] as const,
    deadLetters: () => ['alarms', 'dead-letters'] as const,
  },
  contribution: () => ['contribution'] as const,
  managedIt: {
    all: () => ['managed-it'] as const,
    conventions: (collectiviteId: string | undefined) => ['managed-it', 'conventions', collectiviteId ?? 'all'] as const,
    actions: (collectiviteId: string | undefined) => ['managed-it', 'actions', collectiviteId ?? 'all'] as const,
    tickets: (collectiviteId: string | undefined) => ['managed-it', 'tickets', collectiviteId ?? 'all'] as const,
  },
  availability: {
    all: () => ['availability'] as const,
    report: (collectiviteId: string | undefined, period: string) => ['availability', collectiviteId ?? 'all', period] as const,
  },
} satisfies Record<string, ((...args: never[]) => QueryKey) | Record<string, (...args: never[]) => QueryKey>>;

export const mutationKeys = {
  /** POST /incidents/:id/actions (acknowledge, comment, start an intervention, close). */
  incidentAction: () => ['incidents', 'action'] as const,
  /** POST /incidents/actions (one action on many incidents, from the desk). */
  bulkAction: () => ['incidents', 'bulk-action'] as const,
};
