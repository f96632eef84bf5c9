// One recipient's address, number, language and preferences: which events on which channel, when
// SMS may go out. "Enregistré" appears only once the gateway answered; a refusal shows its reason
// (an invalid address or number is named by the gateway's 400, said in French by save-reason.ts).
import { useId, useState } from 'react';
import { ALARM_EVENT_CLASSES, SMS_WINDOWS, type AlarmChannel, type AlarmEventClass, type Recipient } from '../../../domain/alarm-model.ts';
import { DEFAULT_RULES } from '../../../domain/alarm-rules.ts';
import { useMessages } from '../../../i18n/locale-context.ts';
import { useSaveRecipient } from '../api/alarm-queries.ts';
import { alarmMessages } from '../messages.ts';
import type { NamedCollectivite } from '../../../ui/collectivite-picker.tsx';
import { newRecipientId } from '../recipient-scope.ts';
import { saveReason } from '../save-reason.ts';

interface RecipientFormProps {
  /** A new recipient has the id '' (one is made from its name when first saved). */
  recipient: Recipient;
  /** Support may change the audience and the scope; a référent may not. */
  isSupport: boolean;
  /** The collectivité support chose (undefined: support-wide recipients). */
  scope?: NamedCollectivite | undefined;
  /** Called once the gateway saved it (with what it stored). */
  onSaved?: (recipient: Recipient) => void;
}

/** A new recipient takes the audience's default rules; an existing one keeps its own. */
function withAudience(d: Recipient, audience: Recipient['audience'], collectiviteId: string): Recipient {
  const rules = d.id === '' ? DEFAULT_RULES[audience] : d.rules;
  return audience === 'referent' ? { ...d, audience, rules, collectiviteId: d.collectiviteId ?? collectiviteId } : { ...d, audience, rules };
}

const input = 'w-full rounded border border-slate-600 bg-slate-800 px-2 py-1 text-slate-100 focus-visible:outline-2 focus-visible:outline-sky-400';

export function RecipientForm({ recipient, isSupport, scope, onSaved }: RecipientFormProps) {
  const m = useMessages(alarmMessages);
  const idBase = useId();
  const save = useSaveRecipient();
  const [draft, setDraft] = useState<Recipient>(recipient);
  const set = <K extends keyof Recipient>(key: K, value: Recipient[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const toggle = (cls: AlarmEventClass, channel: AlarmChannel, on: boolean) =>
    setDraft((d) => {
      const current = d.rules.events[cls] ?? [];
      const next = on ? [...new Set([...current, channel])].sort() : current.filter((c) => c !== channel);
      return { ...d, rules: { ...d.rules, events: { ...d.rules.events, [cls]: next } } };
    });

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const id = draft.id || newRecipientId(draft.name, `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`);
    if (id !== draft.id) set('id', id);
    const { id: _, ...rest } = draft;
    save.mutate({ id, input: { ...rest, ...(rest.email === '' && { email: undefined }), ...(rest.mobile === '' && { mobile: undefined }) } }, { onSuccess: (saved) => onSaved?.({ ...saved, id }) });
  };
  const setScope = (value: string) => setDraft(({ collectiviteId: _, ...d }) => (value && scope ? { ...d, collectiviteId: scope.id } : d));
  const field = (name: string) => `${idBase}-${name}`;

  return (
    <form onSubmit={submit} className="flex flex-col gap-2 text-sm" aria-label={draft.name || m.newRecipient}>
      <label htmlFor={field('name')} className="flex flex-col gap-1">
        {m.name}
        <input id={field('name')} className={input} value={draft.name} onChange={(e) => set('name', e.target.value)} required maxLength={100} />
      </label>
      <label htmlFor={field('email')} className="flex flex-col gap-1">
        {m.email}
        <input id={field('email')} className={input} type="email" inputMode="email" autoComplete="email" value={draft.email ?? ''} onChange={(e) => set('email', e.target.value)} />
      </label>
      <label htmlFor={field('mobile')} className="flex flex-col gap-1">
        {m.mobile}
        <input id={field('mobile')} className={input} type="tel" inputMode="tel" autoComplete="tel" value={draft.mobile ?? ''} onChange={(e) => set('mobile', e.target.value)} />
      </label>
      <label htmlFor={field('language')} className="flex flex-col gap-1">
        {m.language}
        <select id={field('language')} className={input} value={draft.language} onChange={(e) => set('language', e.target.value === 'en' ? 'en' : 'fr')}>
          <option value="fr">Français</option>
          <option value="en">English</option>
        </select>
      </label>
      {isSupport && scope && (
        <label htmlFor={field('audience')} className="flex flex-col gap-1">
          {m.audience}
          <select
            id={field('audience')}
            className={input}
            value={draft.audience}
            onChange={(e) => setDraft((d) => withAudience(d, e.target.value === 'support' ? 'support' : 'referent', scope.id))}
          >
            <option value="referent">{m.audienceName('referent')}</option>
            <option value="support">{m.audienceName('support')}</option>
          </select>
        </label>
      )}
      {isSupport && scope && draft.audience === 'support' && (
        <label htmlFor={field('scope')} className="flex flex-col gap-1">
          {m.scope}
          <select id={field('scope')} className={input} value={draft.collectiviteId === undefined ? '' : 'one'} onChange={(e) => setScope(e.target.value)}>
            <option value="">{m.everyCollectivite}</option>
            <option value="one">{m.onlyThis(scope.name)}</option>
          </select>
        </label>
      )}
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={draft.enabled} onChange={(e) => set('enabled', e.target.checked)} />
        {m.enabled}
      </label>
      <fieldset className="rounded border border-slate-700 p-2">
        <legend className="px-1 font-semibold">{m.events}</legend>
        <table className="w-full">
          <thead>
            <tr className="text-left text-slate-300">
              <th scope="col" className="font-normal" />
              <th scope="col" className="w-14 font-normal">{m.mail}</th>
              <th scope="col" className="w-14 font-normal">{m.sms}</th>
            </tr>
          </thead>
          <tbody>
            {ALARM_EVENT_CLASSES.map((cls) => (
              <tr key={cls}>
                <th scope="row" className="py-0.5 text-left font-normal">{m.eventClass(cls)}</th>
                {(['mail', 'sms'] as const).map((channel) => (
                  <td key={channel}>
                    <input
                      type="checkbox"
                      aria-label={`${m.eventClass(cls)} — ${m[channel]}`}
                      checked={(draft.rules.events[cls] ?? []).includes(channel)}
                      onChange={(e) => toggle(cls, channel, e.target.checked)}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </fieldset>
      <label htmlFor={field('sms-window')} className="flex flex-col gap-1">
        {m.smsWindow}
        <select id={field('sms-window')} className={input} value={draft.rules.smsWindow} onChange={(e) => setDraft((d) => ({ ...d, rules: { ...d.rules, smsWindow: SMS_WINDOWS.find((w) => w === e.target.value) ?? 'critical-always' } }))}>
          {SMS_WINDOWS.map((w) => (
            <option key={w} value={w}>
              {m.smsWindowName(w)}
            </option>
          ))}
        </select>
      </label>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={save.isPending} className="rounded bg-sky-700 px-3 py-1 font-semibold text-white hover:bg-sky-600 disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-sky-300">
          {save.isPending ? m.saving : m.save}
        </button>
        <p role="status" aria-live="polite" className={save.isError ? 'text-amber-300' : 'text-emerald-300'}>
          {save.isSuccess && m.saved}
          {save.isError && m.failed(saveReason(save.error, m))}
        </p>
      </div>
    </form>
  );
}
