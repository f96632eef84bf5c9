// A référent's incidents on a phone: the open ones first (each in words, with its GTI), then the
// past 12 months, page by page; one site and one state can be picked with a thumb. The gateway
// scopes every request to their collectivité; this view only narrows it.
import { useMemo, useState, type ReactNode } from 'react';
import { reconcileIncidents } from '../../../domain/incident-version.ts';
import type { Incident } from '../../../domain/model.ts';
import { useSession } from '../../../api/use-session.ts';
import { incidentPlace } from '../../../live/incident-place.ts';
import { useEstateIndex, useServerNow } from '../../../live/use-live.ts';
import { useMessages } from '../../../i18n/locale-context.ts';
import { useIncidentPage, type IncidentFilters } from '../api/incidents-query-options.ts';
import { useLiveIncidentRefresh } from '../api/use-live-incident-refresh.ts';
import { useLiveIncidentsById } from '../api/use-live-incidents-by-id.ts';
import { pastTwelveMonths } from '../history-range.ts';
import { incidentMessages } from '../messages.ts';
import { referentIncidentMessages, type ReferentStatusFilter } from '../referent-messages.ts';
import { IncidentDetail } from './incident-detail.tsx';
import { IncidentList } from './incident-list.tsx';
import { QueryState } from '../../../ui/query-state.tsx';
import { AttachedIncidents } from './attached-incidents.tsx';
import { IncidentPagination } from './incident-pagination.tsx';
import { ReferentIncidentFilters } from './referent-incident-filters.tsx';

const ACTIVE: ReadonlySet<ReferentStatusFilter> = new Set(['open', 'acknowledged', 'in-progress']);
const ENDED: ReadonlySet<ReferentStatusFilter> = new Set(['resolved', 'closed']);
/** Open incidents of one collectivité fit one page; the history is paged. */
const OPEN_PAGE = 100;
const PAST_PAGE = 10;

interface ReferentIncidentsProps {
  collectiviteId: string;
  /** The incident's GTI clock or outcome (from the GTI feature, composed by the app). */
  renderGti?: (incident: Incident) => ReactNode;
}

export function ReferentIncidents({ collectiviteId, renderGti }: ReferentIncidentsProps) {
  const m = useMessages(incidentMessages);
  const r = useMessages(referentIncidentMessages);
  const index = useEstateIndex();
  const now = useServerNow(60_000);
  const [siteId, setSiteId] = useState<string | undefined>();
  const [status, setStatus] = useState<ReferentStatusFilter>('all');
  const [pastPage, setPastPage] = useState(1);
  const [selectedId, setSelectedId] = useState<string | undefined>();
  useLiveIncidentRefresh();

  const range = pastTwelveMonths(now);
  const base = { collectiviteId, siteId, period: 'all' as const };
  const showOpen = !ENDED.has(status);
  const showPast = !ACTIVE.has(status);
  // One row per cause of the collectivité; a cause of another collectivité (an area cut) is not theirs to see.
  const openFilters = { ...base, status: status === 'all' ? 'active' : status, page: 1, pageSize: OPEN_PAGE, grouping: 'cause' } satisfies IncidentFilters;
  const pastFilters = { ...base, status: status === 'all' ? 'ended' : status, range, page: pastPage, pageSize: PAST_PAGE, grouping: 'cause' } satisfies IncidentFilters;
  const open = useIncidentPage(openFilters);
  const past = useIncidentPage(pastFilters);

  const live = useLiveIncidentsById();
  const openItems = useMemo(() => reconcileIncidents(open.data?.items ?? [], live.byId), [open.data, live]);
  const pastItems = useMemo(() => reconcileIncidents(past.data?.items ?? [], live.byId), [past.data, live]);
  const sites = useMemo(
    () => [...(index.sitesByCollectivite.get(collectiviteId) ?? [])].map((s) => ({ id: s.id, name: s.name })).sort((a, b) => a.name.localeCompare(b.name, 'fr')),
    [index, collectiviteId],
  );
  const { role } = useSession();
  const placeOf = (incident: Incident) => incidentPlace(index, incident);
  const list = (items: readonly Incident[], query: typeof open, filters: IncidentFilters) => (
    <IncidentList
      incidents={items}
      placeOf={placeOf}
      selectedId={selectedId}
      onSelect={(id) => setSelectedId(id === selectedId ? undefined : id)}
      showCollectivite={false}
      renderSummary={renderGti}
      attached={query.data?.attached}
      renderAttached={(incident, count) => <AttachedIncidents cause={incident} count={count} filters={filters} placeOf={placeOf} showCollectivite={false} />}
      renderDetail={(incident) => (
        <IncidentDetail incident={incident} place={placeOf(incident)} role={role} gti={renderGti?.(incident)} onClose={() => setSelectedId(undefined)} />
      )}
    />
  );

  return (
    <section aria-labelledby="incidents-title" className="flex min-w-0 flex-col gap-3" data-testid="referent-incidents">
      <h2 id="incidents-title" className="text-lg font-semibold text-slate-100">
        {m.title}
      </h2>
      <ReferentIncidentFilters
        sites={sites}
        siteId={siteId}
        status={status}
        onChange={(next) => {
          setSiteId(next.siteId);
          setStatus(next.status);
          setPastPage(1);
          setSelectedId(undefined);
        }}
      />
      {showOpen && (
        <section aria-labelledby="incidents-open-title" className="flex flex-col gap-2">
          <h3 id="incidents-open-title" className="font-semibold text-slate-200">
            {r.openTitle}
            {open.data && <span className="font-normal text-slate-300"> · {r.openCount(open.data.total + Object.values(open.data.attached ?? {}).reduce((a, b) => a + b, 0))}</span>}
          </h3>
          <QueryState query={open} words={m} count={openItems.length} empty={r.noneOpen}>
            {list(openItems, open, openFilters)}
          </QueryState>
        </section>
      )}
      {showPast && (
        <section aria-labelledby="incidents-past-title" className="flex flex-col gap-2">
          <h3 id="incidents-past-title" className="font-semibold text-slate-200">
            {r.pastTitle}
          </h3>
          <QueryState query={past} words={m} count={pastItems.length} empty={r.nonePast}>
            {list(pastItems, past, pastFilters)}
            {past.data && past.data.total > PAST_PAGE && <IncidentPagination page={past.data.page} pageSize={past.data.pageSize} total={past.data.total} onPage={setPastPage} />}
          </QueryState>
        </section>
      )}
    </section>
  );
}
