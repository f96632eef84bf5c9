// The référent's two filters, full width on a phone (one thumb, nothing scrolls sideways): which
// site, which state.
import { useId } from 'react';
import { useMessages } from '../../../i18n/locale-context.ts';
import { REFERENT_STATUS_FILTERS, referentIncidentMessages, type ReferentStatusFilter } from '../referent-messages.ts';
import { incidentMessages } from '../messages.ts';

interface ReferentIncidentFiltersProps {
  sites: ReadonlyArray<{ id: string; name: string }>;
  siteId: string | undefined;
  status: ReferentStatusFilter;
  onChange: (next: { siteId: string | undefined; status: ReferentStatusFilter }) => void;
}

const SELECT = 'min-h-11 w-full min-w-0 rounded border border-slate-600 bg-slate-800 px-2 text-base text-slate-100 focus-visible:outline-2 focus-visible:outline-sky-400';

export function ReferentIncidentFilters({ sites, siteId, status, onChange }: ReferentIncidentFiltersProps) {
  const m = useMessages(incidentMessages);
  const r = useMessages(referentIncidentMessages);
  const id = useId();
  return (
    <fieldset className="grid min-w-0 grid-cols-1 gap-2 min-[360px]:grid-cols-2">
      <legend className="sr-only">{m.filters}</legend>
      <label className="flex min-w-0 flex-col gap-1 text-sm text-slate-300" htmlFor={`${id}-site`}>
        {r.site}
        <select id={`${id}-site`} className={SELECT} value={siteId ?? ''} onChange={(e) => onChange({ siteId: e.target.value || undefined, status })}>
          <option value="">{r.allSites}</option>
          {sites.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <label className="flex min-w-0 flex-col gap-1 text-sm text-slate-300" htmlFor={`${id}-status`}>
        {r.status}
        <select id={`${id}-status`} className={SELECT} value={status} onChange={(e) => onChange({ siteId, status: e.target.value as ReferentStatusFilter })}>
          {REFERENT_STATUS_FILTERS.map((s) => (
            <option key={s} value={s}>
              {r.statusFilter(s)}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
