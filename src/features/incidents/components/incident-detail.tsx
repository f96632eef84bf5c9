import { useCallback, type ReactNode } from 'react';
import type { Incident } from '../../../domain/model.ts';
import type { LiveStore } from '../../../live/live-store.ts';
import { useLive } from '../../../live/use-live.ts';
import type { IncidentPlace } from '../../../live/incident-place.ts';
import { formatDateTime, formatTime } from '../../../i18n/format.ts';
import { useMessages } from '../../../i18n/locale-context.ts';
import { useTimeDisplay } from '../../../i18n/time-zone-context.ts';
import { common } from '../../../i18n/common.ts';
import type { Role } from '../../../protocol/rest.ts';
import { STATUS_CHIP } from '../incident-tone.ts';
import { incidentMessages } from '../messages.ts';
import { IncidentActions, type AttachedScope } from './incident-actions.tsx';
import { pluginPerfdata, pluginSentence } from '../../../domain/plugin-output.ts';

interface IncidentDetailProps {
  incident: Incident;
  place: IncidentPlace;
  role: Role | undefined;
  /** The incident's GTI clock (from the GTI feature, composed by the app). */
  gti?: ReactNode;
  /** The gateway's answer to an action taken here (the incident as it is now). */
  onActed?: (updated: Incident) => void;
  onClose: () => void;
  /** A cause row's attached incidents: its actions may apply to them too. */
  attached?: AttachedScope | undefined;
}

/** An incident's history (who did what, with comments as plain text) and the actions the role allows. */
export function IncidentDetail({ incident, place, role, gti, onActed, onClose, attached }: IncidentDetailProps) {
  const m = useMessages(incidentMessages);
  const c = useMessages(common);
  const display = useTimeDisplay();
  const entries = [...incident.timeline].sort((a, b) => a.at - b.at);
  // What the probe says now (the engine's plugin output): plain text, never markup.
  const selectStatus = useCallback((store: LiveStore) => store.status(incident.probeId), [incident.probeId]);
  const status = useLive('statuses', selectStatus);
  return (
    <section aria-labelledby={`incident-${incident.id}-title`} className="flex flex-col gap-3 rounded-lg border border-slate-700 bg-slate-900 p-3">
      <header className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 id={`incident-${incident.id}-title`} className="break-words font-semibold text-slate-100">
            {place.probe}
          </h3>
          <p className="text-sm text-slate-300">
            {[place.collectivite, place.site, place.equipment].filter(Boolean).join(' · ')}
          </p>
          <a href={`/incidents/${encodeURIComponent(incident.id)}`} className="text-xs text-sky-300 underline">
            {m.directLink}
          </a>
        </div>
        <span className={`shrink-0 rounded px-2 py-0.5 text-sm font-semibold ${STATUS_CHIP[incident.status]}`}>{m.status(incident.status)}</span>
      </header>
      {gti && <div className="text-sm">{gti}</div>}
      {status?.output && (
        <div data-testid="probe-output">
          <h4 className="text-sm font-semibold text-slate-300">{m.probeOutput(c.state[status.state])}</h4>
          <p className="mt-1 whitespace-pre-wrap break-words text-sm text-slate-100">{pluginSentence(status.output)}</p>
          {pluginPerfdata(status.output) && (
            <details className="mt-1 text-xs text-slate-300">
              <summary className="cursor-pointer select-none underline" title={m.perfdataHint}>
                {m.perfdata}
              </summary>
              <p className="mt-1 break-all rounded bg-slate-950 px-2 py-1 font-mono text-slate-200">{pluginPerfdata(status.output)}</p>
            </details>
          )}
        </div>
      )}
      <div>
        <h4 className="text-sm font-semibold text-slate-300">{m.history}</h4>
        <ol className="mt-1 flex flex-col gap-1 border-l-2 border-slate-700 pl-3 text-sm">
          {entries.map((entry, i) => (
            <li key={`${entry.at}-${entry.kind}-${i}`}>
              <span className="font-mono text-slate-300">{formatDateTime(display, entry.at)}</span>{' '}
              <span className="font-medium text-slate-100">
                {entry.delivery ? m.delivery(entry.delivery, entry.delivery.retryAt !== undefined ? formatTime(display, entry.delivery.retryAt) : undefined) : m.entry(entry.kind)}
              </span>
              {entry.state && <span className="text-slate-300"> ({c.state[entry.state]})</span>}
              {entry.by && <span className="text-slate-300"> {m.by(entry.by)}</span>}
              {entry.comment && <p className="whitespace-pre-wrap break-words text-slate-200">« {entry.comment} »</p>}
            </li>
          ))}
        </ol>
      </div>
      <IncidentActions key={incident.id} incident={incident} role={role} onActed={onActed} attached={attached} />
      <button
        type="button"
        onClick={onClose}
        className="self-start rounded border border-slate-600 px-3 py-1 text-sm text-slate-100 hover:bg-slate-800 focus-visible:outline-2 focus-visible:outline-sky-400"
      >
        {m.close}
      </button>
    </section>
  );
}
