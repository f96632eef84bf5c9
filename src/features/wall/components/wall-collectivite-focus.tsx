import { useCallback } from 'react';
import { isTroubled, stateSeverity, type ProbeState } from '../../../domain/model.ts';
import { pluginSentence } from '../../../domain/plugin-output.ts';
import { formatDuration } from '../../../i18n/format.ts';
import { useLocale, useMessages } from '../../../i18n/locale-context.ts';
import type { LiveStore } from '../../../live/live-store.ts';
import { useLive, useServerNow } from '../../../live/use-live.ts';
import { StateBadge, STATE_SYMBOL } from '../../../ui/state-badge.tsx';
import { wallMessages } from '../messages.ts';

const MAX_SITES = 6;
const MAX_PROBES = 3;

interface SiteTrouble {
  siteId: string;
  name: string;
  state: ProbeState;
  probes: Array<{ probeId: string; name: string; equipment: string; state: ProbeState; output: string; since: number; handling?: Handling }>;
}

/** Whether the support cell is on it: the probe's active incident acknowledged or with someone on it. */
type Handling = 'acknowledged' | 'in-progress';

function handlingByProbe(store: LiveStore, collectiviteId: string): Map<string, Handling> {
  const handling = new Map<string, Handling>();
  for (const i of store.incidentList()) {
    if (i.collectiviteId !== collectiviteId) continue;
    if (i.status === 'acknowledged' || i.status === 'in-progress') handling.set(i.probeId, i.status);
  }
  return handling;
}

interface CollectiviteTrouble {
  sites: SiteTrouble[];
  /** Probes in declared maintenance: not trouble (model.ts), counted apart. */
  inMaintenance: number;
}

function troubleOf(store: LiveStore, collectiviteId: string): CollectiviteTrouble {
  const index = store.index;
  const handling = handlingByProbe(store, collectiviteId);
  const out: SiteTrouble[] = [];
  let inMaintenance = 0;
  for (const site of index.sitesByCollectivite.get(collectiviteId) ?? []) {
    const siteProbes = index.probesBySite.get(site.id) ?? [];
    for (const probe of siteProbes) if (store.status(probe.id)?.inDowntime) inMaintenance += 1;
    const probes = siteProbes
      .map((probe) => ({ probe, status: store.status(probe.id) }))
      .filter(({ status }) => status && isTroubled(status))
      .map(({ probe, status }) => ({
        probeId: probe.id,
        name: probe.name,
        equipment: index.equipment.get(probe.equipmentId)?.name ?? '',
        state: status!.state,
        output: status!.output,
        since: status!.since,
        handling: handling.get(probe.id),
      }))
      .sort((a, b) => stateSeverity(b.state) - stateSeverity(a.state) || a.since - b.since);
    if (probes.length > 0) out.push({ siteId: site.id, name: site.name, state: store.siteState(site.id), probes });
  }
  return { sites: out.sort((a, b) => stateSeverity(b.state) - stateSeverity(a.state)), inMaintenance };
}

interface WallCollectiviteFocusProps {
  collectiviteId: string;
  /** On screen because of news (rotation-queue.ts): highlighted for the time of its step. */
  news?: boolean;
  /** Where the wall's grid puts the title line and the site cards (they sit in different cells). */
  headerClassName?: string;
  sitesClassName?: string;
}

/**
 * One collectivité on the wall: its name, then every site in trouble with the failing probes. Cards
 * that do not fit the height are left out whole (the column wraps them out of view), not cut.
 */
export function WallCollectiviteFocus({ collectiviteId, news = false, headerClassName = '', sitesClassName = '' }: WallCollectiviteFocusProps) {
  const m = useMessages(wallMessages);
  const { locale } = useLocale();
  const now = useServerNow(10_000);
  const collectivite = useLive('estate', (s) => s.index.collectivites.get(collectiviteId));
  const select = useCallback((s: LiveStore) => troubleOf(s, collectiviteId), [collectiviteId]);
  const { sites, inMaintenance } = useLive(['estate', 'statuses', 'incidents'], select);
  const failing = sites.reduce((n, s) => n + s.probes.length, 0);
  return (
    <>
      <header className={`flex flex-wrap items-baseline gap-x-6 ${headerClassName}`} data-wall-news={news || undefined}>
        {news && <span className="animate-pulse self-center rounded-md bg-red-600 px-3 py-1 text-2xl font-black tracking-wide text-white uppercase">{m.news}</span>}
        <h2 id="wall-focus-title" className="text-6xl font-black text-white">
          {collectivite?.name ?? collectiviteId}
        </h2>
        {collectivite?.epci && <span className="text-2xl text-slate-300">{collectivite.epci}</span>}
        <span className="text-2xl text-slate-200">
          {sites.length === 0 ? m.allSitesOk : `${m.sites(sites.length)} · ${m.probesDown(failing)}`}
        </span>
        {inMaintenance > 0 && <span className="text-2xl text-sky-300">{m.inMaintenance(inMaintenance)}</span>}
      </header>
      <section aria-labelledby="wall-focus-title" className={`min-h-0 ${sitesClassName}`}>
        <ul className="flex h-full flex-col flex-wrap content-start gap-4 overflow-hidden">
          {sites.slice(0, MAX_SITES).map((site) => (
            <li key={site.siteId} className="flex w-full flex-col gap-2 rounded-xl bg-slate-900 p-4 ring-1 ring-slate-700 ring-inset">
              <p className="flex items-center gap-3 text-3xl font-bold text-white">
                <StateBadge state={site.state} size="wall" data-wall-state-badge />
                <span className="min-w-0 break-words" data-wall-site-name>
                  {site.name}
                </span>
              </p>
              <ul className="flex flex-col gap-1">
                {site.probes.slice(0, MAX_PROBES).map((p) => (
                  <li key={p.probeId} className="text-xl text-slate-100">
                    <span className="font-semibold">
                      <span aria-hidden="true">{STATE_SYMBOL[p.state]} </span>
                      {p.equipment ? `${p.equipment} · ` : ''}
                      {p.name}
                    </span>{' '}
                    <span className="text-slate-300">{m.since(formatDuration(locale, Math.max(0, now - p.since)))}</span>
                    {p.handling && (
                      <span data-handling={p.handling} className="ml-3 rounded bg-sky-700 px-2 text-lg font-semibold text-white">
                        {m.handling[p.handling]}
                      </span>
                    )}
                    <span className="block truncate text-xl text-slate-200">{pluginSentence(p.output)}</span>
                  </li>
                ))}
                {site.probes.length > MAX_PROBES && <li className="text-xl text-slate-300">+{site.probes.length - MAX_PROBES}</li>}
              </ul>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
