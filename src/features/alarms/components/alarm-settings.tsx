// Who receives alarms, from the UI: support picks any recipient (or a new one) and edits it; a
// référent edits only themselves (the gateway enforces the same: server/http/alarm-routes.ts).
import { useState } from 'react';
import type { Recipient } from '../../../domain/alarm-model.ts';
import { DEFAULT_RULES } from '../../../domain/alarm-rules.ts';
import { useMessages } from '../../../i18n/locale-context.ts';
import { useRecipients } from '../api/alarm-queries.ts';
import { alarmMessages } from '../messages.ts';
import { RecipientForm } from './recipient-form.tsx';

interface AlarmSettingsProps {
  isSupport: boolean;
  login: string;
  displayName?: string | undefined;
  collectiviteId?: string | undefined;
  /** false when a surrounding element (a <summary>) already names the section. */
  titled?: boolean;
}

const NEW = '';

function blank(props: AlarmSettingsProps): Recipient {
  if (props.isSupport) return { id: '', audience: 'support', name: '', language: 'fr', rules: DEFAULT_RULES.support, enabled: true };
  return { id: props.login, audience: 'referent', ...(props.collectiviteId && { collectiviteId: props.collectiviteId }), name: props.displayName ?? props.login, language: 'fr', rules: DEFAULT_RULES.referent, login: props.login, enabled: true };
}

export function AlarmSettings(props: AlarmSettingsProps) {
  const m = useMessages(alarmMessages);
  const { data, isPending, isError } = useRecipients();
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const recipients = data ?? [];
  const current = props.isSupport ? (selected === NEW ? undefined : recipients.find((r) => r.id === (selected ?? recipients[0]?.id))) : recipients[0];
  const recipient = current ?? blank(props);

  return (
    <section aria-labelledby="alarm-settings-title" className="flex flex-col gap-2 rounded-lg border border-slate-700 bg-slate-900 p-3 text-slate-100">
      <h2 id="alarm-settings-title" className={props.titled === false ? 'sr-only' : 'font-semibold'}>
        {props.isSupport ? m.settingsTitle : m.mySettingsTitle}
      </h2>
      {isPending && <p className="text-sm text-slate-300">{m.loading}</p>}
      {isError && <p className="text-sm text-amber-300">{m.loadFailed}</p>}
      {!isPending && !isError && (
        <>
          {props.isSupport && (
            <label className="flex flex-col gap-1 text-sm">
              {m.recipient}
              <select
                value={current?.id ?? NEW}
                onChange={(e) => setSelected(e.target.value)}
                className="rounded border border-slate-600 bg-slate-800 px-2 py-1 text-slate-100 focus-visible:outline-2 focus-visible:outline-sky-400"
              >
                {recipients.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name} ({m.audienceName(r.audience)})
                  </option>
                ))}
                <option value={NEW}>{m.newRecipient}</option>
              </select>
            </label>
          )}
          <RecipientForm key={current?.id ?? 'new'} recipient={recipient} isSupport={props.isSupport} isNew={current === undefined} />
        </>
      )}
    </section>
  );
}
