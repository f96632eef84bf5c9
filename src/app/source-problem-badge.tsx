// Why the engine stopped answering, for the support cell only: while the stream says the source is
// stale, GET /health (which tells only support why) is read every few seconds and its classified
// problem shown with the setting to change. Référents and the kiosk keep the plain stale banner.
import { useQuery } from '@tanstack/react-query';
import { healthQueryOptions } from '../api/queries.ts';
import { useApiClient } from '../api/use-api-client.ts';
import { useSession } from '../api/use-session.ts';
import { useLocale, useMessages } from '../i18n/locale-context.ts';
import { useSourceHealth } from '../live/use-live.ts';
import { sourceProblemMessages, sourceProblemWording } from './source-problem-messages.ts';

const REFRESH_MS = 5_000;

export function SourceProblemBadge() {
  const m = useMessages(sourceProblemMessages);
  const { locale } = useLocale();
  const { isSupport } = useSession();
  const stale = useSourceHealth()?.state === 'stale';
  const health = useQuery({ ...healthQueryOptions(useApiClient()), enabled: isSupport && stale, refetchInterval: REFRESH_MS });
  const problem = health.data?.source.problem;
  if (!isSupport || !stale || !problem) return null;
  const { what, fix } = sourceProblemWording[locale][problem.kind](problem);
  return (
    <div role="alert" data-testid="source-problem" className="max-w-xl rounded border border-red-400 bg-red-950 px-2 py-1 text-sm text-red-50">
      <p>
        <span aria-hidden="true">⚠ </span>
        <strong>{m.title}</strong> — {what}
      </p>
      <p className="font-medium">→ {fix}</p>
      <details className="text-xs text-red-200">
        <summary className="cursor-pointer">{m.engineSays}</summary>
        <p>{problem.message}</p>
        <p>{problem.fix}</p>
      </details>
    </div>
  );
}
