// One incident on its own page (the deep link /incidents/:id, from a mail or a shared link): its
// detail as in the list, the newer copy of the API's and the live store's, with a clear answer
// when it does not exist or is not the caller's.
import type { ReactNode } from 'react';
import { useSession } from '../../../api/use-session.ts';
import { reconcileIncident } from '../../../domain/incident-version.ts';
import { useMessages } from '../../../i18n/locale-context.ts';
import { incidentPlace } from '../../../live/incident-place.ts';
import { useEstateIndex, useIncidents } from '../../../live/use-live.ts';
import type { Incident } from '../../../domain/model.ts';
import { useIncident } from '../api/use-incident.ts';
import { incidentMessages } from '../messages.ts';
import { IncidentDetail } from './incident-detail.tsx';

export function IncidentSheet({ incidentId, renderGti, onClose }: { incidentId: string; renderGti?: (incident: Incident) => ReactNode; onClose(): void }) {
  const m = useMessages(incidentMessages);
  const { role } = useSession();
  const index = useEstateIndex();
  const live = useIncidents().find((i) => i.id === incidentId);
  const query = useIncident(incidentId);
  const incident = query.data ? (live ? reconcileIncident(query.data, live) : query.data) : live;
  if (!incident) {
    if (query.isPending) return <p aria-busy="true" className="p-3 text-slate-300">{m.loading}</p>;
    const status = (query.error as { status?: number } | null)?.status;
    return (
      <div role="alert" className="m-3 rounded-lg border border-red-700 bg-red-950 p-3 text-red-100">
        {status === 403 || status === 404 ? m.notFound : m.loadFailed}
      </div>
    );
  }
  return <IncidentDetail incident={incident} place={incidentPlace(index, incident)} role={role} gti={renderGti?.(incident)} onClose={onClose} />;
}
