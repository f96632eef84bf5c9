// Support logs a managed-IT action: collectivité (when the page is not focused on one), when, how
// long, remote or on site, preventive or curative, the request or incident it answers, who did
// it and what. The units counted and the balance left are shown as the gateway answered them.
import { useState, type FormEvent } from 'react';
import { useMessages } from '../../../i18n/locale-context.ts';
import { useTimeDisplay } from '../../../i18n/time-zone-context.ts';
import { instantOfWallInput, wallInputOf } from '../../../i18n/wall-input.ts';
import { useServerNow } from '../../../live/use-live.ts';
import { ACTION_KINDS, ACTION_PLACES } from '../../../domain/managed-it-convention.ts';
import { useLogAction, useTickets } from '../api/managed-it-queries.ts';
import { managedItMessages } from '../messages.ts';
import { buttonClass, ChoiceField, CollectiviteField, fieldClass } from './form-fields.tsx';


export function ActionForm({ collectiviteId, onSaved }: { collectiviteId?: string; onSaved(message: string): void }) {
  const m = useMessages(managedItMessages);
  const { timeZone } = useTimeDisplay();
  const now = useServerNow(60_000);
  const log = useLogAction();
  const [chosen, setChosen] = useState(collectiviteId ?? '');
  const owner = collectiviteId ?? chosen;
  const tickets = useTickets(owner || undefined);
  const [at, setAt] = useState(() => wallInputOf(Math.floor(now / 60_000) * 60_000, timeZone));
  const [minutes, setMinutes] = useState('15');
  const [place, setPlace] = useState<(typeof ACTION_PLACES)[number]>('remote');
  const [kind, setKind] = useState<(typeof ACTION_KINDS)[number]>('curative');
  const [ticketId, setTicketId] = useState('');
  const [incidentId, setIncidentId] = useState('');
  const [technician, setTechnician] = useState('');
  const [description, setDescription] = useState('');
  const openTickets = (owner && tickets.data?.items.filter((t) => t.collectiviteId === owner && t.status !== 'closed')) || [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    log.mutate(
      {
        collectiviteId: owner,
        at: instantOfWallInput(at, timeZone),
        durationMinutes: Number(minutes),
        place,
        kind,
        ...(ticketId && { ticketId }),
        ...(incidentId.trim() && { incidentId: incidentId.trim() }),
        technician,
        description,
      },
      {
        onSuccess: (logged) => {
          setDescription('');
          setTicketId('');
          setIncidentId('');
          onSaved(m.actionSaved(logged.action.units, logged.convention.standing.left));
        },
      },
    );
  };

  return (
    <form aria-label={m.logAction} className="flex flex-col gap-2 rounded border border-slate-700 p-2 text-sm" onSubmit={submit}>
      <h3 className="font-semibold text-slate-100">{m.logAction}</h3>
      {collectiviteId === undefined && <CollectiviteField value={chosen} onChange={(id) => (setChosen(id), setTicketId(''))} />}
      <div className="grid grid-cols-2 gap-2">
        <label className="flex flex-col gap-1">
          {m.actionDate}
          <input className={fieldClass} type="datetime-local" required value={at} onChange={(e) => setAt(e.target.value)} />
        </label>
        <label className="flex flex-col gap-1">
          {m.duration}
          <input className={fieldClass} type="number" min={1} max={1440} step={1} required value={minutes} onChange={(e) => setMinutes(e.target.value)} />
        </label>
        <ChoiceField label={m.place} values={ACTION_PLACES} words={m.places} value={place} onChange={setPlace} />
        <ChoiceField label={m.kind} values={ACTION_KINDS} words={m.kinds} value={kind} onChange={setKind} />
        <label className="flex flex-col gap-1">
          {m.ticket}
          <select className={fieldClass} value={ticketId} onChange={(e) => setTicketId(e.target.value)}>
            <option value="">{m.noTicket}</option>
            {openTickets.map((t) => (
              <option key={t.id} value={t.id}>
                {t.subject}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          {m.incident}
          <input className={fieldClass} value={incidentId} maxLength={128} onChange={(e) => setIncidentId(e.target.value)} />
        </label>
      </div>
      <label className="flex flex-col gap-1">
        {m.technician}
        <input className={fieldClass} required maxLength={200} value={technician} onChange={(e) => setTechnician(e.target.value)} />
      </label>
      <label className="flex flex-col gap-1">
        {m.description}
        <textarea className={fieldClass} required maxLength={4000} rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
      </label>
      {log.isError && (
        <p role="alert" className="text-red-300">
          {m.failed(log.error.message)}
        </p>
      )}
      <button type="submit" className={`${buttonClass} self-start`} disabled={log.isPending}>
        {log.isPending ? m.submitting : m.submit}
      </button>
    </form>
  );
}
