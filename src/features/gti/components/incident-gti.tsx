// One incident's GTI clock where the incident is shown in detail (composed into the incidents
// feature by the app): ticking every second on the gateway's clock.
import type { Incident } from '../../../domain/model.ts';
import { useServerNow } from '../../../live/use-live.ts';
import { useCoveredCalendar } from '../api/use-covered-calendar.ts';
import { GtiCountdown } from './gti-countdown.tsx';

export function IncidentGti({ incident }: { incident: Incident }) {
  const { calendar } = useCoveredCalendar();
  const now = useServerNow(1000);
  return calendar ? <GtiCountdown incident={incident} calendar={calendar} now={now} /> : null;
}
