// The recipients of one scope as a list: who, which audience, address and number, how many events
// they hear of, and actions. Removing asks once more in place (no browser dialog) and is said only
// once the gateway answered.
import { useState } from 'react';
import type { Recipient } from '../../../domain/alarm-model.ts';
import { useMessages } from '../../../i18n/locale-context.ts';
import { useRemoveRecipient } from '../api/alarm-queries.ts';
import { alarmMessages } from '../messages.ts';
import { saveReason } from '../save-reason.ts';

interface RecipientListProps {
  recipients: readonly Recipient[];
  /** The chosen collectivité's name (support recipients narrowed to it say so). */
  scopeName: string;
  editing: string | undefined;
  onEdit(id: string): void;
  onRemoved(id: string): void;
}

const button = 'rounded border border-slate-500 px-2 py-0.5 hover:bg-slate-700 focus-visible:outline-2 focus-visible:outline-sky-400';

export function RecipientList({ recipients, scopeName, editing, onEdit, onRemoved }: RecipientListProps) {
  const m = useMessages(alarmMessages);
  const remove = useRemoveRecipient();
  const [confirming, setConfirming] = useState<string | undefined>(undefined);
  const subscribed = (r: Recipient) => Object.values(r.rules.events).filter((channels) => channels.length > 0).length;

  return (
    <div className="flex flex-col gap-1">
      <ul className="flex flex-col gap-1 text-sm" aria-label={m.recipientsOf(scopeName)}>
        {recipients.map((r) => (
          <li key={r.id} aria-label={r.name} className={`flex flex-wrap items-start gap-x-3 gap-y-1 rounded border px-2 py-1 ${r.id === editing ? 'border-sky-400 bg-slate-800' : 'border-slate-700'}`}>
            <div className="min-w-0 flex-1">
              <p className="font-semibold">{r.name}</p>
              <p className="text-slate-300">
                {m.audienceName(r.audience)}
                {r.audience === 'support' && ` · ${r.collectiviteId === undefined ? m.everyCollectivite : m.onlyThis(scopeName)}`} · {r.enabled ? m.subscribed(subscribed(r)) : m.off}
              </p>
              <p className="break-all">
                <span className="sr-only">{m.columns.mail} : </span>
                {r.email ?? '—'}
                <span aria-hidden="true"> · </span>
                <span className="sr-only">{m.columns.sms} : </span>
                {r.mobile ?? '—'}
              </p>
            </div>
            <div className="flex gap-1">
              <button type="button" className={button} aria-label={m.edit(r.name)} onClick={() => onEdit(r.id)}>
                {m.edit('').trim()}
              </button>
              {confirming === r.id ? (
                <button
                  type="button"
                  className={`${button} border-amber-400 text-amber-200`}
                  disabled={remove.isPending}
                  onClick={() =>
                    remove.mutate(r.id, {
                      onSuccess: () => {
                        setConfirming(undefined);
                        onRemoved(r.id);
                      },
                    })
                  }
                >
                  {m.confirmRemove(r.name)}
                </button>
              ) : (
                <button type="button" className={button} aria-label={m.remove(r.name)} onClick={() => setConfirming(r.id)}>
                  {m.remove('').trim()}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
      {remove.isError && (
        <p role="alert" className="text-amber-300">
          {m.removeFailed(saveReason(remove.error, m))}
        </p>
      )}
    </div>
  );
}
