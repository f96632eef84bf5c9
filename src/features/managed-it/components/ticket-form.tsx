// A référent asks for assistance: a subject and what is wrong. "Demande envoyée" only once the
// gateway stored it; its refusal (text it cannot keep, scope) is shown as it said it.
import { useState, type FormEvent } from 'react';
import { useMessages } from '../../../i18n/locale-context.ts';
import { useCreateTicket } from '../api/managed-it-queries.ts';
import { managedItMessages } from '../messages.ts';
import { buttonClass, fieldClass } from './form-fields.tsx';

export function TicketForm({ collectiviteId, onSaved }: { collectiviteId?: string; onSaved(message: string): void }) {
  const m = useMessages(managedItMessages);
  const create = useCreateTicket();
  const [subject, setSubject] = useState('');
  const [description, setDescription] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { ...(collectiviteId !== undefined && { collectiviteId }), subject, description },
      {
        onSuccess: () => {
          setSubject('');
          setDescription('');
          onSaved(m.ticketSaved);
        },
      },
    );
  };
  return (
    <form aria-label={m.newTicket} className="flex flex-col gap-2 rounded border border-slate-700 p-2 text-sm" onSubmit={submit}>
      <h3 className="font-semibold text-slate-100">{m.newTicket}</h3>
      <label className="flex flex-col gap-1">
        {m.subject}
        <input className={fieldClass} required maxLength={200} value={subject} onChange={(e) => setSubject(e.target.value)} />
      </label>
      <label className="flex flex-col gap-1">
        {m.description}
        <textarea className={fieldClass} required maxLength={4000} rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />
      </label>
      {create.isError && (
        <p role="alert" className="text-red-300">
          {m.failed(create.error.message)}
        </p>
      )}
      <button type="submit" className={`${buttonClass} min-h-11 self-start`} disabled={create.isPending}>
        {create.isPending ? m.submitting : m.send}
      </button>
    </form>
  );
}
