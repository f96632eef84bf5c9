import { useId } from 'react';
import { useMessages } from '../../../i18n/locale-context.ts';
import { CollectivitePicker } from '../../../ui/collectivite-picker.tsx';
import {
  INCIDENT_PERIODS,
  INCIDENT_STATUS_FILTERS,
  type IncidentFilters as Filters,
  type IncidentPeriod,
  type IncidentStatusFilter,
} from '../api/incidents-query-options.ts';
import { incidentMessages } from '../messages.ts';

interface IncidentFiltersProps {
  filters: Filters;
  /** Called with page reset to 1: a new filter starts from the first page. */
  onChange: (filters: Filters) => void;
  /** Choices for the collectivité filter; omitted when the scope is a single collectivité. */
  collectivites?: ReadonlyArray<{ id: string; name: string }>;
}

const SELECT = 'rounded border border-slate-600 bg-slate-800 px-2 py-1.5 text-slate-100 focus-visible:outline-2 focus-visible:outline-sky-400';

export function IncidentFilters({ filters, onChange, collectivites }: IncidentFiltersProps) {
  const m = useMessages(incidentMessages);
  const id = useId();
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch, page: 1 });
  return (
    <fieldset className="flex flex-wrap items-end gap-3">
      <legend className="sr-only">{m.filters}</legend>
      {collectivites && (
        // Hundreds of collectivités: a list you type into (accents and case aside), not a dropdown to scroll.
        <CollectivitePicker label={m.collectivite} collectivites={collectivites} value={filters.collectiviteId} onChange={(collectiviteId) => set({ collectiviteId })} emptyLabel={m.allCollectivites} className="min-w-56" />
      )}
      <label className="flex flex-col text-sm text-slate-300" htmlFor={`${id}-s`}>
        {m.state}
        <select id={`${id}-s`} className={SELECT} value={filters.status} onChange={(e) => set({ status: e.target.value as IncidentStatusFilter })}>
          {INCIDENT_STATUS_FILTERS.map((s) => (
            <option key={s} value={s}>
              {m.statusFilter(s)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col text-sm text-slate-300" htmlFor={`${id}-p`}>
        {m.period}
        <select id={`${id}-p`} className={SELECT} value={filters.period} onChange={(e) => set({ period: e.target.value as IncidentPeriod })}>
          {INCIDENT_PERIODS.map((p) => (
            <option key={p} value={p}>
              {m.periodFilter(p)}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
