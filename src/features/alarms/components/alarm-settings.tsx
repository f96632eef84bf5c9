// Who receives alarms, from the UI: support manages every collectivité's recipients
// (support-alarm-settings.tsx); a référent edits only themselves (the gateway enforces the same:
// server/http/alarm-routes.ts).
import type { Recipient } from '../../../domain/alarm-model.ts';
import { DEFAULT_RULES } from '../../../domain/alarm-rules.ts';
import { useMessages } from '../../../i18n/locale-context.ts';
import { useRecipients } from '../api/alarm-queries.ts';
import { alarmMessages } from '../messages.ts';
import { RecipientForm } from './recipient-form.tsx';
import { SupportAlarmSettings } from './support-alarm-settings.tsx';

interface AlarmSettingsProps {
  isSupport: boolean;
  login: string;
  displayName?: string | undefined;
  collectiviteId?: string | undefined;
  /** false when a surrounding element (a <summary>) already names the section. */
  titled?: boolean;
}

function self(props: AlarmSettingsProps): Recipient {
  return { id: props.login, audience: 'referent', ...(props.collectiviteId && { collectiviteId: props.collectiviteId }), name: props.displayName ?? props.login, language: 'fr', rules: DEFAULT_RULES.referent, login: props.login, enabled: true };
}

export function AlarmSettings(props: AlarmSettingsProps) {
  const m = useMessages(alarmMessages);
  return (
    <section aria-labelledby="alarm-settings-title" className="flex flex-col gap-2 rounded-lg border border-slate-700 bg-slate-900 p-3 text-slate-100">
      <h2 id="alarm-settings-title" className={props.titled === false ? 'sr-only' : 'font-semibold'}>
        {props.isSupport ? m.settingsTitle : m.mySettingsTitle}
      </h2>
      {props.isSupport ? <SupportAlarmSettings /> : <OwnAlarmSettings {...props} />}
    </section>
  );
}

function OwnAlarmSettings(props: AlarmSettingsProps) {
  const m = useMessages(alarmMessages);
  const { data, isPending, isError } = useRecipients();
  if (isPending) return <p className="text-sm text-slate-300">{m.loading}</p>;
  if (isError) return <p className="text-sm text-amber-300">{m.loadFailed}</p>;
  const recipient = data[0] ?? self(props);
  return <RecipientForm key={recipient.id} recipient={recipient} isSupport={false} />;
}
