// One recipient's address, number, language and preferences: which events on which channel, when
// SMS may go out. "Enregistré" appears only once the gateway answered; a refusal shows its reason
// (an invalid address or number is named by the gateway's 400).
import { useId, useState } from 'react';
import { ALARM_EVENT_CLASSES, SMS_WINDOWS, type AlarmChannel, type AlarmEventClass, type Recipient } from '../../../domain/alarm-model.ts';
import { useMessages } from '../../../i18n/locale-context.ts';
import { useEstateIndex } from '../../../live/use-live.ts';
import { useSaveRecipient } from '../api/alarm-queries.ts';
import { alarmMessages } from '../messages.ts';

interface RecipientFormProps {
  recipient: Recipient;
  /** Support may change the id (new recipient), audience and collectivité; a référent may not. */
  isSupport: boolean;
  isNew: boolean;
}

const input = 'w-full rounded border border-slate-600 bg-slate-800 px-2 py-1 text-slate-100 focus-visible:outline-2 focus-visible:outline-sky-400';

export function RecipientForm({ recipient, isSupport, isNew }: RecipientFormProps) {
  const m = useMessages(alarmMessages);
  const idBase = useId();
  const save = useSaveRecipient();
  const index = useEstateIndex();
  const collectivites = [...index.collectivites.values()].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
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
    const { id, ...rest } = draft;
    save.mutate({ id, input: { ...rest, ...(rest.email === '' && { email: undefined }), ...(rest.mobile === '' && { mobile: undefined }) } });
  };
  const field = (name: string) => `${idBase}-${name}`;

  return (
    <form onSubmit={submit} className="flex flex-col gap-2 text-sm" aria-label={draft.name}>
      {isSupport && isNew && (
        <label htmlFor={field('id')} className="flex flex-col gap-1">
          {m.id}
          <input id={field('id')} className={input} value={draft.id} onChange={(e) => set('id', e.target.value)} required />
        </label>
      )}
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
      {isSupport && (
        <label htmlFor={field('audience')} className="flex flex-col gap-1">
          {m.audience}
          <select id={field('audience')} className={input} value={draft.audience} onChange={(e) => set('audience', e.target.value === 'support' ? 'support' : 'referent')}>
            <option value="support">{m.audienceName('support')}</option>
            <option value="referent">{m.audienceName('referent')}</option>
          </select>
        </label>
      )}
      {isSupport && draft.audience === 'referent' && (
        <label htmlFor={field('collectivite')} className="flex flex-col gap-1">
          {m.collectivite}
          <select id={field('collectivite')} className={input} value={draft.collectiviteId ?? ''} onChange={(e) => set('collectiviteId', e.target.value || undefined)} required>
            <option value="" />
            {collectivites.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
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
          {save.isError && m.failed(save.error.message)}
        </p>
      </div>
    </form>
  );
}
