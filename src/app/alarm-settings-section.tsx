// The alarm settings on the desk and référent pages, folded until opened: support manages every
// recipient, a référent their own address and preferences (the session says which).
import { useSession } from '../api/use-session.ts';
import { AlarmSettings } from '../features/alarms/components/alarm-settings.tsx';
import { alarmMessages } from '../features/alarms/messages.ts';
import { useMessages } from '../i18n/locale-context.ts';

export function AlarmSettingsSection() {
  const m = useMessages(alarmMessages);
  const { user, isSupport } = useSession();
  if (!user || user.role === 'kiosk') return null;
  return (
    <details className="rounded-lg border border-slate-700 bg-slate-900 text-slate-100">
      <summary className="cursor-pointer px-3 py-2 font-semibold focus-visible:outline-2 focus-visible:outline-sky-400">{isSupport ? m.settingsTitle : m.mySettingsTitle}</summary>
      <AlarmSettings isSupport={isSupport} login={user.login} displayName={user.displayName} collectiviteId={user.collectiviteId} titled={false} />
    </details>
  );
}
