// Dates everywhere below are shown in the gateway's time zone, read from GET /calendar (the same
// settings the covered-hours clocks use). Until it answers — or if it names a zone this browser
// does not know — the contract's Europe/Paris.
import type { ReactNode } from 'react';
import { useCalendar } from '../api/queries.ts';
import { isTimeZone } from '../domain/zoned-time.ts';
import { DEFAULT_TIME_ZONE, TimeZoneContext } from '../i18n/time-zone-context.ts';

export function ServerTimeZone({ children }: { children: ReactNode }) {
  const zone = useCalendar().data?.timeZone;
  const timeZone = zone !== undefined && isTimeZone(zone) ? zone : DEFAULT_TIME_ZONE;
  return <TimeZoneContext value={timeZone}>{children}</TimeZoneContext>;
}
