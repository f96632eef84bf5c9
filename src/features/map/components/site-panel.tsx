// What is on a site: its equipment and their probes with state, output, last check and since when,
// failing probes first (site-sheet.ts), the plugin's sentence shown and its perfdata behind
// "détails". Every engine string (names, output) is rendered as a React text node — never as markup.
import { useCallback, useEffect, useRef, type ReactNode } from 'react';
import type { Probe, ProbeStatus } from '../../../domain/model.ts';
import { pluginPerfdata, pluginSentence } from '../../../domain/plugin-output.ts';
import { sheetRank, siteSheet } from '../../../domain/site-sheet.ts';
import { common } from '../../../i18n/common.ts';
import { formatAge, formatDateTime } from '../../../i18n/format.ts';
import { useMessages } from '../../../i18n/locale-context.ts';
import { useTimeDisplay } from '../../../i18n/time-zone-context.ts';
import type { LiveStore } from '../../../live/live-store.ts';
import { sameItems, useEstateIndex, useLive, useServerNow } from '../../../live/use-live.ts';
import { mapMessages } from '../map-messages.ts';
import { siteSheetMessages } from '../site-sheet-messages.ts';
import { StateShape } from './state-shape.tsx';

export interface SitePanelProps {
  siteId: string;
  onClose(): void;
  className?: string;
  /** A declared maintenance window covers this probe now (composed by the app from the maintenance feature). */
  inMaintenance?: (probe: Probe) => boolean;
  /** A "Historique" control for the site or one probe (composed by the app from the reports feature). */
  historyAction?: (subject: { kind: 'probe' | 'site'; id: string; name: string }) => ReactNode;
}

const NO_PROBES: readonly Probe[] = [];

const NOT_IN_MAINTENANCE = () => false;
const NO_HISTORY = () => null;

export function SitePanel({ siteId, onClose, className = '', inMaintenance = NOT_IN_MAINTENANCE, historyAction = NO_HISTORY }: SitePanelProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Keyboard users land on the panel when a site is chosen, and Escape takes them back out.
  useEffect(() => heading.current?.focus(), [siteId]);
  const m = useMessages(mapMessages);
  const sm = useMessages(siteSheetMessages);
  const states = useMessages(common).state;
  const display = useTimeDisplay();
  const { locale } = display;
  const index = useEstateIndex();
  const now = useServerNow(5000);
  const probes = index.probesBySite.get(siteId) ?? NO_PROBES;
  const select = useCallback((store: LiveStore) => probes.map((p) => store.status(p.id)), [probes]);
  const statuses = useLive('statuses', select, sameItems<ProbeStatus | undefined>);
  const statusOf = new Map(probes.map((p, i) => [p.id, statuses[i]]));
  const site = index.sites.get(siteId);
  const collectivite = site ? index.collectivites.get(site.collectiviteId) : undefined;
  const sheet = siteSheet(index.equipmentBySite.get(siteId) ?? [], (id) => index.probesByEquipment.get(id) ?? NO_PROBES, (p) => sheetRank(statusOf.get(p.id), inMaintenance(p)));
  const maintained = probes.filter((p) => inMaintenance(p) || statusOf.get(p.id)?.inDowntime).length;

  return (
    <aside
      aria-labelledby="site-panel-title"
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
      className={`flex flex-col overflow-hidden bg-slate-900 text-slate-100 ${className}`}
    >
      <header className="flex items-start justify-between gap-2 border-b border-slate-700 p-3">
        <div>
          <p className="text-xs uppercase tracking-wide text-slate-300">{collectivite?.name ?? m.siteTitle}</p>
          <h2 id="site-panel-title" ref={heading} tabIndex={-1} className="text-lg font-semibold focus:outline-none">
            {site?.name ?? m.unknownSite}
          </h2>
          {site && historyAction({ kind: 'site', id: site.id, name: site.name })}
        </div>
        <button type="button" onClick={onClose} aria-label={m.closePanel} className="rounded px-2 py-1 text-xl leading-none hover:bg-slate-700 focus-visible:outline-2 focus-visible:outline-sky-400">
          ×
        </button>
      </header>
      {/* Focusable so that a keyboard can scroll a long list of probes (nothing in it takes focus). */}
      <div role="region" aria-labelledby="site-panel-title" tabIndex={0} className="overflow-y-auto p-3 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-sky-400">
        {maintained > 0 && (
          <p className="mb-3 rounded border border-sky-400 bg-sky-950 px-2 py-1 text-sm font-medium text-sky-100" data-testid="site-maintenance">
            {sm.siteInMaintenance(maintained)}
          </p>
        )}
        {site && sheet.length === 0 && <p className="text-slate-300">{m.noEquipment}</p>}
        {sheet.map(({ equipment: eq, probes: ranked }) => (
          <section key={eq.id} className="mb-4" data-equipment-id={eq.id}>
            <h3 className="mb-1 font-medium text-slate-200">{eq.name}</h3>
            <ul className="space-y-2">
              {ranked.map(({ probe }) => {
                const status = statusOf.get(probe.id);
                const state = status?.state ?? 'PENDING';
                const perfdata = status ? pluginPerfdata(status.output) : '';
                const maintenance = inMaintenance(probe) || status?.inDowntime === true;
                return (
                  <li key={probe.id} className="rounded border border-slate-700 bg-slate-800 p-2 text-sm" data-probe-id={probe.id} data-state={state}>
                    <div className="flex items-center gap-2">
                      <StateShape state={state} />
                      <span className="min-w-0 break-words font-medium">{probe.name}</span>
                      <span className="ml-auto shrink-0 text-xs font-semibold">
                        {states[state]}
                        {status?.stateType === 'SOFT' && state !== 'OK' ? ` (${m.soft})` : ''}
                      </span>
                    </div>
                    {maintenance && <p className="mt-1 text-xs font-semibold text-sky-200">{sm.maintenanceRunning}</p>}
                    {status && <p className="mt-1 break-words text-slate-100">{pluginSentence(status.output)}</p>}
                    {perfdata && (
                      <details className="mt-1 text-xs text-slate-300">
                        <summary className="cursor-pointer select-none underline" title={sm.perfdataHint}>
                          {sm.perfdata}
                        </summary>
                        <p className="mt-1 break-all font-mono text-slate-200">{perfdata}</p>
                      </details>
                    )}
                    <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-2 text-xs text-slate-300">
                      <dt>{m.lastCheck}</dt>
                      <dd>{status?.lastCheck ? formatDateTime(display, status.lastCheck) : m.never}</dd>
                      {status && (
                        <>
                          <dt>{m.since}</dt>
                          <dd>
                            {formatDateTime(display, status.since)} ({formatAge(locale, now - status.since)})
                          </dd>
                        </>
                      )}
                    </dl>
                    {status?.acknowledged && (
                      <p className="mt-1 text-xs text-sky-300">{m.acknowledged}</p>
                    )}
                    {historyAction({ kind: 'probe', id: probe.id, name: probe.name })}
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
      </div>
    </aside>
  );
}
