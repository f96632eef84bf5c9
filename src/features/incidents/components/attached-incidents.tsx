// Under a cause row: "+N sondes rattachées", which expands to the incidents attached to that cause
// (domain/incident-cause.ts), fetched under the list's filters when first opened.
import { useId, useState } from 'react';
import type { Incident } from '../../../domain/model.ts';
import type { IncidentPlace } from '../../../live/incident-place.ts';
import { useMessages } from '../../../i18n/locale-context.ts';
import { useAttachedIncidents } from '../api/use-attached-incidents.ts';
import type { IncidentFilters } from '../api/incidents-query-options.ts';
import { causeMessages } from '../cause-messages.ts';
import { incidentMessages } from '../messages.ts';
import { SEVERITY_CHIP, SEVERITY_SYMBOL, STATUS_CHIP } from '../incident-tone.ts';

interface AttachedIncidentsProps {
  cause: Incident;
  count: number;
  filters: IncidentFilters;
  placeOf: (incident: Incident) => IncidentPlace;
  showCollectivite: boolean;
}

export function AttachedIncidents({ cause, count, filters, placeOf, showCollectivite }: AttachedIncidentsProps) {
  const cm = useMessages(causeMessages);
  const m = useMessages(incidentMessages);
  const id = useId();
  const [open, setOpen] = useState(false);
  const query = useAttachedIncidents(cause.id, filters, open);
  const items = query.data?.items ?? [];
  return (
    <div className="px-3 pb-2">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={`${id}-attached`}
        onClick={() => setOpen(!open)}
        data-attached-toggle
        className="rounded border border-sky-700 bg-sky-950 px-2 py-0.5 text-sm font-semibold text-sky-100 hover:bg-sky-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-400"
      >
        <span aria-hidden="true">{open ? '▾ ' : '▸ '}</span>
        {cm.attachedToggle(count)}
      </button>
      {open && (
        <div id={`${id}-attached`} className="mt-2">
          {query.isError ? (
            <p role="alert" className="text-sm text-red-300">
              {cm.attachedFailed}
            </p>
          ) : query.isPending ? (
            <p aria-busy="true" className="text-sm text-slate-300">
              {cm.attachedLoading}
            </p>
          ) : items.length === 0 ? (
            <p className="text-sm text-slate-300">{cm.attachedEmpty}</p>
          ) : (
            <ul aria-label={cm.attachedTitle(placeOf(cause).probe)} className="divide-y divide-slate-800 rounded border border-slate-700 bg-slate-950">
              {items.map((incident) => {
                const place = placeOf(incident);
                return (
                  <li key={incident.id} data-attached-incident-id={incident.id} className="flex items-center gap-2 px-2 py-1 text-sm">
                    <span className="min-w-0 flex-1 truncate text-slate-100">
                      {place.probe}
                      <span className="text-slate-300">
                        {' · '}
                        {showCollectivite ? `${place.collectivite} · ` : ''}
                        {place.site}
                      </span>
                    </span>
                    <span className={`rounded px-2 py-0.5 font-semibold ${STATUS_CHIP[incident.status]}`}>{m.status(incident.status)}</span>
                    <span className={`rounded px-2 py-0.5 ${SEVERITY_CHIP[incident.severity]}`}>
                      <span aria-hidden="true">{SEVERITY_SYMBOL[incident.severity]} </span>
                      {m.severity(incident.severity)}
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
