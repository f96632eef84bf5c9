// Upcoming and running maintenance of one collectivité (or the whole scope), as the convention
// communicates it: "Maintenance prévue le 14/12 de 12 h à 14 h : mise à jour du serveur". Support
// also schedules windows here and cancels or ends them; a référent reads.
import { useState } from 'react';
import { maintenancePhase, type MaintenanceWindow } from '../../../domain/maintenance.ts';
import { useLocale, useMessages } from '../../../i18n/locale-context.ts';
import { useTimeDisplay } from '../../../i18n/time-zone-context.ts';
import { useSession } from '../../../api/use-session.ts';
import { useEstateIndex, useServerNow } from '../../../live/use-live.ts';
import { useEndMaintenance, useMaintenances } from '../api/maintenance-queries.ts';
import { windowSentence } from '../maintenance-text.ts';
import { maintenanceMessages } from '../messages.ts';
import { MaintenanceForm } from './maintenance-form.tsx';

export function MaintenancePanel({ collectiviteId }: { collectiviteId?: string }) {
  const m = useMessages(maintenanceMessages);
  const { isSupport } = useSession();
  const query = useMaintenances(collectiviteId);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  return (
    <section aria-labelledby="maintenance-title" className="flex flex-col gap-2">
      <h2 id="maintenance-title" className="text-lg font-semibold text-slate-100">
        {m.title}
      </h2>
      {query.data ? (
        query.data.items.length === 0 ? (
          <p className="text-sm text-slate-300">{m.none}</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {query.data.items.map((w) => (
              <WindowRow key={w.id} window={w} canChange={isSupport} showCollectivite={collectiviteId === undefined} onDone={setNotice} />
            ))}
          </ul>
        )
      ) : query.isError ? (
        <p role="alert" className="text-red-300">
          {m.loadError}{' '}
          <button type="button" className="underline" onClick={() => void query.refetch()}>
            {m.retry}
          </button>
        </p>
      ) : (
        <p aria-busy="true" className="text-slate-300">
          {m.loading}
        </p>
      )}
      {notice && (
        <p role="status" className="text-sm text-sky-200">
          {notice}
        </p>
      )}
      {isSupport && <MaintenanceForm collectiviteId={collectiviteId} onSaved={() => setNotice(m.saved)} />}
    </section>
  );
}

function WindowRow({ window, canChange, showCollectivite, onDone }: { window: MaintenanceWindow; canChange: boolean; showCollectivite: boolean; onDone(message: string): void }) {
  const m = useMessages(maintenanceMessages);
  const { locale } = useLocale();
  const { timeZone } = useTimeDisplay();
  // Every 5 s: a window that starts now reads "en cours" within seconds, not after half a minute.
  const now = useServerNow(5_000);
  const index = useEstateIndex();
  const end = useEndMaintenance();
  const running = maintenancePhase(window, now) === 'running';
  const places = [...window.siteIds.map((id) => index.sites.get(id)?.name ?? id), ...window.equipmentIds.map((id) => index.equipment.get(id)?.name ?? id), ...window.probeIds.map((id) => index.probes.get(id)?.name ?? id)];
  const collectivite = index.collectivites.get(window.collectiviteId)?.name ?? window.collectiviteId;
  return (
    <li className={`rounded border p-2 text-sm ${running ? 'border-sky-400 bg-sky-950' : 'border-slate-700 bg-slate-900'}`} data-maintenance-id={window.id}>
      <p className="font-medium text-slate-100">
        {running && <span className="mr-2 rounded bg-sky-500 px-1.5 py-0.5 text-xs font-semibold text-slate-950 uppercase">{m.runningBadge}</span>}
        {windowSentence(window, now, locale, timeZone)} : {window.nature}
      </p>
      <p className="text-slate-300">
        {showCollectivite ? `${collectivite} — ` : ''}
        {m.covers(places.join(', '))} · {window.source === 'engine' ? m.engine : m.by(window.by)}
      </p>
      {canChange && window.source === 'vigie' && (
        <div className="mt-1 flex items-center gap-2">
          <button
            type="button"
            className="rounded border border-slate-500 px-2 py-0.5 hover:bg-slate-800 disabled:opacity-50"
            disabled={end.isPending}
            onClick={() => end.mutate(window.id, { onSuccess: () => onDone(running ? m.ended : m.cancelled) })}
          >
            {running ? m.endNow : m.cancel}
          </button>
          {end.isError && <span role="alert" className="text-red-300">{m.failed(end.error.message)}</span>}
        </div>
      )}
    </li>
  );
}
