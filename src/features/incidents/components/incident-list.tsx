import type { ReactNode } from 'react';
import type { Incident } from '../../../domain/model.ts';
import type { IncidentPlace } from '../../../live/incident-place.ts';
import { formatDateTime } from '../../../i18n/format.ts';
import { useMessages } from '../../../i18n/locale-context.ts';
import { useTimeDisplay } from '../../../i18n/time-zone-context.ts';
import { useServerNow } from '../../../live/use-live.ts';
import { statusWords } from '../incident-words.ts';
import { SEVERITY_CHIP, SEVERITY_SYMBOL, STATUS_CHIP } from '../incident-tone.ts';
import { incidentMessages } from '../messages.ts';
import { causeMessages } from '../cause-messages.ts';

interface IncidentListProps {
  incidents: readonly Incident[];
  placeOf: (incident: Incident) => IncidentPlace;
  selectedId?: string;
  onSelect: (incidentId: string) => void;
  showCollectivite?: boolean;
  /** A line under the status words (the référent's GTI clock or outcome). */
  renderSummary?: ((incident: Incident) => ReactNode) | undefined;
  /** Details of the selected incident, shown right under its line. */
  renderDetail?: (incident: Incident) => ReactNode;
  /** How many incidents each cause row holds (grouping by cause), and what shows them. */
  attached?: Readonly<Record<string, number>> | undefined;
  renderAttached?: (incident: Incident, count: number) => ReactNode;
}

/** One line per incident; each is a button that opens its details and actions. */
export function IncidentList({ incidents, placeOf, selectedId, onSelect, showCollectivite = true, renderSummary, renderDetail, attached, renderAttached }: IncidentListProps) {
  const m = useMessages(incidentMessages);
  const cm = useMessages(causeMessages);
  const display = useTimeDisplay();
  const now = useServerNow(30_000);
  return (
    <ul className="divide-y divide-slate-800 rounded-lg border border-slate-700 bg-slate-900">
      {incidents.map((incident) => {
        const place = placeOf(incident);
        const selected = incident.id === selectedId;
        const count = attached?.[incident.id] ?? 0;
        return (
          <li key={incident.id} data-incident-id={incident.id}>
            <button
              type="button"
              aria-expanded={selected}
              aria-label={m.details(place.probe)}
              onClick={() => onSelect(incident.id)}
              className={`grid w-full grid-cols-[1fr_auto] gap-x-3 gap-y-1 px-3 py-2 text-left hover:bg-slate-800 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-sky-400 ${selected ? 'bg-slate-800' : ''}`}
            >
              <span className="min-w-0 font-medium text-slate-100">
                <span className="block truncate">{place.probe}</span>
                <span className="block truncate text-sm font-normal text-slate-300">
                  {showCollectivite ? `${place.collectivite} · ` : ''}
                  {place.site}
                  {place.equipment ? ` · ${place.equipment}` : ''}
                </span>
              </span>
              <span className="flex flex-col items-end gap-1 text-sm">
                <span className={`rounded px-2 py-0.5 font-semibold ${STATUS_CHIP[incident.status]}`}>{m.status(incident.status)}</span>
                <span className={`rounded px-2 py-0.5 ${SEVERITY_CHIP[incident.severity]}`}>
                  <span aria-hidden="true">{SEVERITY_SYMBOL[incident.severity]} </span>
                  {m.severity(incident.severity)}
                </span>
              </span>
              <span className="col-span-2 text-sm text-slate-200" data-status-words>
                {m.statusWords(statusWords(incident, display, now))}
              </span>
              <span className="col-span-2 text-sm text-slate-300">
                {m.colOpened} {formatDateTime(display, incident.openedAt)}
              </span>
              {incident.cause && (
                <span className="col-span-2 justify-self-start rounded border border-slate-600 px-2 py-0.5 text-xs text-slate-200" data-cause-kind={incident.cause.kind}>
                  {cm.attachedTo(cm.kind(incident.cause.kind))}
                </span>
              )}
            </button>
            {count > 0 && renderAttached?.(incident, count)}
            {renderSummary && !selected && <div className="px-3 pb-2 text-sm">{renderSummary(incident)}</div>}
            {selected && renderDetail && <div className="border-t border-slate-800 p-2">{renderDetail(incident)}</div>}
          </li>
        );
      })}
    </ul>
  );
}
