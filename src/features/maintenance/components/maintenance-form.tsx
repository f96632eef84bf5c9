// Support schedules a window: collectivité (when the page is not focused on one), the site the
// work covers, start and end in the gateway's time zone, and the nature of the work. The gateway's
// refusal (dates, scope) is shown as it said it; "enregistrée" only after the window is stored.
import { useMemo, useState, type FormEvent } from 'react';
import { useMessages } from '../../../i18n/locale-context.ts';
import { useTimeDisplay } from '../../../i18n/time-zone-context.ts';
import { useEstateIndex, useServerNow } from '../../../live/use-live.ts';
import { CollectivitePicker } from '../../../ui/collectivite-picker.tsx';
import { useScheduleMaintenance } from '../api/maintenance-queries.ts';
import { instantOfWallInput, wallInputOf } from '../maintenance-text.ts';
import { maintenanceMessages } from '../messages.ts';

const HOUR = 3_600_000;
const field = 'w-full rounded border border-slate-600 bg-slate-900 px-2 py-1 text-slate-100';

export function MaintenanceForm({ collectiviteId, onSaved }: { collectiviteId?: string; onSaved(): void }) {
  const m = useMessages(maintenanceMessages);
  const { timeZone } = useTimeDisplay();
  const index = useEstateIndex();
  const now = useServerNow(60_000);
  const schedule = useScheduleMaintenance();
  const [open, setOpen] = useState(false);
  const [chosenCollectivite, setChosenCollectivite] = useState(collectiviteId ?? '');
  const owner = collectiviteId ?? chosenCollectivite;
  const [siteId, setSiteId] = useState('');
  const nextHour = Math.ceil(now / HOUR) * HOUR;
  const [start, setStart] = useState(() => wallInputOf(nextHour + HOUR, timeZone));
  const [end, setEnd] = useState(() => wallInputOf(nextHour + 3 * HOUR, timeZone));
  const [nature, setNature] = useState('');
  const sites = useMemo(() => [...(index.sitesByCollectivite.get(owner) ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'fr')), [index, owner]);

  if (!open) {
    return (
      <button type="button" className="self-start rounded bg-sky-700 px-3 py-1 font-medium text-white hover:bg-sky-600" onClick={() => setOpen(true)}>
        {m.schedule}
      </button>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    schedule.mutate(
      { collectiviteId: owner, siteIds: siteId ? [siteId] : [], equipmentIds: [], probeIds: [], start: instantOfWallInput(start, timeZone), end: instantOfWallInput(end, timeZone), nature },
      {
        onSuccess: () => {
          setNature('');
          setOpen(false);
          onSaved();
        },
      },
    );
  };

  return (
    <form aria-label={m.schedule} className="flex flex-col gap-2 rounded border border-slate-700 p-2 text-sm" onSubmit={submit}>
      {collectiviteId === undefined && <CollectivitePicker collectivites={index.collectivites} value={chosenCollectivite || undefined} onChange={(id) => (setChosenCollectivite(id ?? ''), setSiteId(''))} required />}
      <label className="flex flex-col gap-1">
        {m.site}
        <select className={field} required value={siteId} onChange={(e) => setSiteId(e.target.value)}>
          <option value="">{m.chooseSite}</option>
          {sites.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <div className="grid grid-cols-2 gap-2">
        <label className="flex flex-col gap-1">
          {m.start}
          <input className={field} type="datetime-local" required value={start} onChange={(e) => setStart(e.target.value)} />
        </label>
        <label className="flex flex-col gap-1">
          {m.end}
          <input className={field} type="datetime-local" required value={end} onChange={(e) => setEnd(e.target.value)} />
        </label>
      </div>
      <label className="flex flex-col gap-1">
        {m.nature}
        <textarea className={field} required maxLength={2000} rows={2} placeholder={m.naturePlaceholder} value={nature} onChange={(e) => setNature(e.target.value)} />
      </label>
      {schedule.isError && (
        <p role="alert" className="text-red-300">
          {m.failed(schedule.error.message)}
        </p>
      )}
      <div className="flex gap-2">
        <button type="submit" className="rounded bg-sky-700 px-3 py-1 font-medium text-white hover:bg-sky-600 disabled:opacity-50" disabled={schedule.isPending}>
          {schedule.isPending ? m.submitting : m.submit}
        </button>
        <button type="button" className="rounded border border-slate-500 px-3 py-1" onClick={() => setOpen(false)}>
          {m.cancel}
        </button>
      </div>
    </form>
  );
}
