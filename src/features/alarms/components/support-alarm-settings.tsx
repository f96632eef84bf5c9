// Support's alarm settings: pick a collectivité by typing (the shared picker) (or support's every-collectivité scope),
// read who hears of it, add, edit and remove recipients and their rules; below, the alarms given up.
import { useMemo, useState } from 'react';
import type { Recipient } from '../../../domain/alarm-model.ts';
import { DEFAULT_RULES } from '../../../domain/alarm-rules.ts';
import { useMessages } from '../../../i18n/locale-context.ts';
import { useEstateIndex } from '../../../live/use-live.ts';
import { CollectivitePicker } from '../../../ui/collectivite-picker.tsx';
import { useRecipients } from '../api/alarm-queries.ts';
import { alarmMessages } from '../messages.ts';
import { ALL_COLLECTIVITES, recipientsOf } from '../recipient-scope.ts';
import { DeadLetters } from './dead-letters.tsx';
import { RecipientForm } from './recipient-form.tsx';
import { RecipientList } from './recipient-list.tsx';

/**
 * The form open: a session (the form's key, new each time "edit" or "add" is pressed) and the
 * recipient's id, absent for a new one until the gateway saved it (the form stays, saying so).
 */
type Editing = { session: number; id?: string } | undefined;

function blank(scope: string): Recipient {
  if (scope === ALL_COLLECTIVITES) return { id: '', audience: 'support', name: '', language: 'fr', rules: DEFAULT_RULES.support, enabled: true };
  return { id: '', audience: 'referent', collectiviteId: scope, name: '', language: 'fr', rules: DEFAULT_RULES.referent, enabled: true };
}

const button = 'self-start rounded bg-sky-700 px-3 py-1 font-semibold text-white hover:bg-sky-600 focus-visible:outline-2 focus-visible:outline-sky-300';

export function SupportAlarmSettings() {
  const m = useMessages(alarmMessages);
  const { data, isPending, isError } = useRecipients();
  const index = useEstateIndex();
  // Support's own every-collectivité scope, listed above the names.
  const pinned = useMemo(() => [{ id: ALL_COLLECTIVITES, label: m.allCollectivites }], [m]);
  const [scope, setScope] = useState<string | undefined>(undefined);
  const [editing, setEditing] = useState<Editing>(undefined);
  const chosen = scope === undefined || scope === ALL_COLLECTIVITES ? undefined : index.collectivites.get(scope);
  const scopeName = scope === ALL_COLLECTIVITES ? m.allCollectivites : (chosen?.name ?? '');
  const listed = scope === undefined ? [] : recipientsOf(data ?? [], scope);
  const edited = editing?.id === undefined ? undefined : data?.find((r) => r.id === editing.id);
  const formOpen = editing !== undefined && (editing.id === undefined || edited !== undefined);
  const choose = (next: string | undefined) => {
    if (next === undefined) return;
    setScope(next);
    setEditing(undefined);
  };

  return (
    <div className="flex flex-col gap-3">
      <CollectivitePicker label={m.collectivitePicker} collectivites={index.collectivites} pinned={pinned} value={scope} onChange={choose} className="max-w-[22rem]" />
      {isPending && <p className="text-sm text-slate-300">{m.loading}</p>}
      {isError && <p className="text-sm text-amber-300">{m.loadFailed}</p>}
      {scope === undefined && <p className="text-sm text-slate-300">{m.chooseFirst}</p>}
      {scope !== undefined && data && (
        <section aria-labelledby="alarm-recipients-title" className="flex flex-col gap-2">
          <h3 id="alarm-recipients-title" className="font-semibold">
            {m.recipientsOf(scopeName)}
          </h3>
          {listed.length === 0 ? <p className="text-sm text-slate-300">{m.noneHere}</p> : <RecipientList recipients={listed} scopeName={scopeName} editing={edited?.id} onEdit={(id) => setEditing({ session: Date.now(), id })} onRemoved={(id) => edited?.id === id && setEditing(undefined)} />}
          <button type="button" className={button} onClick={() => setEditing({ session: Date.now() })}>
            {m.add}
          </button>
          {formOpen && (
            <div className="flex flex-col gap-1 rounded border border-slate-600 p-2">
              <div className="flex items-center justify-between gap-2">
                <h4 className="font-semibold">{edited ? m.edit(edited.name) : m.newIn(scopeName)}</h4>
                <button type="button" className="rounded border border-slate-500 px-2 py-0.5 text-sm hover:bg-slate-700 focus-visible:outline-2 focus-visible:outline-sky-400" onClick={() => setEditing(undefined)}>
                  {m.cancel}
                </button>
              </div>
              <RecipientForm key={editing.session} recipient={edited ?? blank(scope)} isSupport scope={chosen} onSaved={(saved) => setEditing({ session: editing.session, id: saved.id })} />
            </div>
          )}
        </section>
      )}
      <DeadLetters />
    </div>
  );
}
