import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { reconcileIncident, reconcileIncidents } from '../../../domain/incident-version.ts';
import type { Incident } from '../../../domain/model.ts';
import { useSession } from '../../../api/use-session.ts';
import { incidentPlace } from '../../../live/incident-place.ts';
import { useEstateIndex, useServerNow } from '../../../live/use-live.ts';
import { useMessages } from '../../../i18n/locale-context.ts';
import { DEFAULT_INCIDENT_FILTERS, useIncidentPage, type IncidentFilters as Filters } from '../api/incidents-query-options.ts';
import { useLiveIncidentRefresh } from '../api/use-live-incident-refresh.ts';
import { useLiveIncidentsById } from '../api/use-live-incidents-by-id.ts';
import { incidentMessages } from '../messages.ts';
import { timelineWindow } from '../timeline-window.ts';
import { IncidentDetail } from './incident-detail.tsx';
import { IncidentFilters } from './incident-filters.tsx';
import { IncidentList } from './incident-list.tsx';
import { QueryState } from '../../../ui/query-state.tsx';
import { AttachedIncidents } from './attached-incidents.tsx';
import { IncidentPagination } from './incident-pagination.tsx';
import { IncidentTimelineChart } from './incident-timeline-chart.tsx';

// The page says which incidents match the filters; each row shows the newer copy by version, the
// page's or the live store's (incident-version.ts).

/**
 * The incident list with filters and pages, the selected incident's history and actions, and, once
 * the scope is a single collectivité, its state timeline. `collectiviteId` fixes the scope
 * (a référent, or a collectivité page); otherwise the user picks it.
 */
export function IncidentsPanel({ collectiviteId, renderGti }: { collectiviteId?: string; renderGti?: (incident: Incident) => ReactNode }) {
  const m = useMessages(incidentMessages);
  const { role } = useSession();
  const index = useEstateIndex();
  const live = useLiveIncidentsById();
  const now = useServerNow(30_000);
  const [filters, setFilters] = useState<Filters>({ ...DEFAULT_INCIDENT_FILTERS, collectiviteId });
  const [selectedId, setSelectedId] = useState<string | undefined>();
  /**
   * The incident opened, where it was: an action may take it out of the filter ("Ouverts", then
   * acknowledged), and it stays on screen, with its detail and confirmation, until you move on.
   */
  const [pinned, setPinned] = useState<{ incident: Incident; index: number } | undefined>();
  const section = useRef<HTMLElement>(null);
  /** Closing the details puts the keyboard focus back on the incident's line. */
  const focusAfterClose = useRef<string | undefined>(undefined);
  const closeDetail = (incidentId: string) => {
    focusAfterClose.current = incidentId;
    setSelectedId(undefined);
  };
  useEffect(() => {
    const id = focusAfterClose.current;
    if (id === undefined || selectedId !== undefined) return;
    focusAfterClose.current = undefined;
    const row = [...(section.current?.querySelectorAll<HTMLElement>('[data-incident-id]') ?? [])].find((li) => li.dataset.incidentId === id);
    row?.querySelector('button')?.focus();
  }, [selectedId]);
  const effective = collectiviteId ? { ...filters, collectiviteId } : filters;
  // One row per cause; its attached incidents under "+N sondes rattachées" (domain/incident-cause.ts).
  const query = useIncidentPage({ ...effective, grouping: 'cause' });
  const attached = query.data?.attached;
  useLiveIncidentRefresh();

  const page = useMemo(() => reconcileIncidents(query.data?.items ?? [], live.byId), [query.data, live]);
  const items = useMemo(() => {
    if (!selectedId || !pinned || pinned.incident.id !== selectedId || page.some((i) => i.id === selectedId)) return page;
    const held = live.byId.get(selectedId);
    const kept = held ? reconcileIncident(pinned.incident, held) : pinned.incident;
    return [...page.slice(0, pinned.index), kept, ...page.slice(pinned.index)];
  }, [page, selectedId, pinned, live]);
  const placeOf = useCallback((incident: Incident) => incidentPlace(index, incident), [index]);
  const collectivites = useMemo(
    () => [...index.collectivites.values()].map((c) => ({ id: c.id, name: c.name })).sort((a, b) => a.name.localeCompare(b.name, 'fr')),
    [index],
  );
  const single = effective.collectiviteId;

  return (
    <section ref={section} aria-labelledby="incidents-title" className="flex flex-col gap-3">
      <h2 id="incidents-title" className="text-lg font-semibold text-slate-100">
        {m.title}
      </h2>
      <IncidentFilters
        filters={effective}
        onChange={(next) => {
          setFilters(next);
          setSelectedId(undefined);
        }}
        collectivites={collectiviteId || collectivites.length <= 1 ? undefined : collectivites}
      />
      <QueryState query={query} words={m} count={items.length} empty={m.empty}>
        <>
          {single && <IncidentTimelineChart incidents={items} placeOf={placeOf} window={timelineWindow(items, effective.period, now)} now={now} />}
          <IncidentList
            incidents={items}
            placeOf={placeOf}
            selectedId={selectedId}
            onSelect={(id) => {
              const index = items.findIndex((i) => i.id === id);
              setPinned(id === selectedId || index === -1 ? undefined : { incident: items[index]!, index });
              setSelectedId(id === selectedId ? undefined : id);
            }}
            showCollectivite={!single}
            attached={attached}
            renderAttached={(incident, count) => <AttachedIncidents cause={incident} count={count} filters={effective} placeOf={placeOf} showCollectivite={!single} />}
            renderDetail={(incident) => (
              <IncidentDetail
                incident={incident}
                place={placeOf(incident)}
                role={role}
                gti={renderGti?.(incident)}
                onActed={(updated) => setPinned((p) => (p && p.incident.id === updated.id ? { ...p, incident: reconcileIncident(p.incident, updated) } : p))}
                onClose={() => closeDetail(incident.id)}
                attached={attached?.[incident.id] ? { count: attached[incident.id]!, filters: effective } : undefined}
              />
            )}
          />
          {query.data && (
            <IncidentPagination
              page={query.data.page}
              pageSize={query.data.pageSize}
              total={query.data.total}
              onPage={(page) => setFilters({ ...effective, page })}
            />
          )}
        </>
      </QueryState>
    </section>
  );
}
