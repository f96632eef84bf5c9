// Support records a managed-IT convention (or its renewal): number, dates (one year at most,
// art. 3), units bought, tacit renewal or not. Shown closed until asked for.
import { useState, type FormEvent } from 'react';
import { RENEWALS } from '../../../domain/managed-it-convention.ts';
import { useMessages } from '../../../i18n/locale-context.ts';
import { useTimeDisplay } from '../../../i18n/time-zone-context.ts';
import { instantOfWallInput, wallInputOf } from '../../../i18n/wall-input.ts';
import { useServerNow } from '../../../live/use-live.ts';
import { useCreateConvention } from '../api/managed-it-queries.ts';
import { managedItMessages } from '../messages.ts';
import { buttonClass, ChoiceField, CollectiviteField, fieldClass } from './form-fields.tsx';

const YEAR = 365 * 86_400_000;

export function ConventionForm({ collectiviteId, onSaved }: { collectiviteId?: string; onSaved(message: string): void }) {
  const m = useMessages(managedItMessages);
  const { timeZone } = useTimeDisplay();
  const now = useServerNow(60_000);
  const create = useCreateConvention();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState(collectiviteId ?? '');
  const [number, setNumber] = useState('');
  const [start, setStart] = useState(() => wallInputOf(Math.floor(now / 3_600_000) * 3_600_000, timeZone));
  const [end, setEnd] = useState(() => wallInputOf(Math.floor(now / 3_600_000) * 3_600_000 + YEAR, timeZone));
  const [units, setUnits] = useState('100');
  const [renewal, setRenewal] = useState<(typeof RENEWALS)[number]>('tacit');
  if (!open) {
    return (
      <button type="button" className={`${buttonClass} self-start`} onClick={() => setOpen(true)}>
        {m.newConvention}
      </button>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { collectiviteId: collectiviteId ?? chosen, number, start: instantOfWallInput(start, timeZone), end: instantOfWallInput(end, timeZone), unitsBought: Number(units), renewal },
      { onSuccess: () => (setOpen(false), setNumber(''), onSaved(m.conventionSaved)) },
    );
  };
  return (
    <form aria-label={m.newConvention} className="flex flex-col gap-2 rounded border border-slate-700 p-2 text-sm" onSubmit={submit}>
      <h3 className="font-semibold text-slate-100">{m.newConvention}</h3>
      {collectiviteId === undefined && <CollectiviteField value={chosen} onChange={setChosen} />}
      <div className="grid grid-cols-2 gap-2">
        <label className="flex flex-col gap-1">
          {m.number}
          <input className={fieldClass} required maxLength={64} value={number} onChange={(e) => setNumber(e.target.value)} />
        </label>
        <label className="flex flex-col gap-1">
          {m.unitsBought}
          <input className={fieldClass} type="number" min={1} step={1} required value={units} onChange={(e) => setUnits(e.target.value)} />
        </label>
        <label className="flex flex-col gap-1">
          {m.start}
          <input className={fieldClass} type="datetime-local" required value={start} onChange={(e) => setStart(e.target.value)} />
        </label>
        <label className="flex flex-col gap-1">
          {m.end}
          <input className={fieldClass} type="datetime-local" required value={end} onChange={(e) => setEnd(e.target.value)} />
        </label>
        <ChoiceField label={m.renewalLabel} values={RENEWALS} words={m.renewal} value={renewal} onChange={setRenewal} />
      </div>
      {create.isError && (
        <p role="alert" className="text-red-300">
          {m.failed(create.error.message)}
        </p>
      )}
      <div className="flex gap-2">
        <button type="submit" className={buttonClass} disabled={create.isPending}>
          {create.isPending ? m.submitting : m.submit}
        </button>
        <button type="button" className="rounded border border-slate-500 px-3 py-1" onClick={() => setOpen(false)}>
          {m.cancel}
        </button>
      </div>
    </form>
  );
}
