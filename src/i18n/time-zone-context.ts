// The time zone dates are shown in: the gateway's (GET /calendar `timeZone`), provided by the app
// once it is known (src/app/server-time-zone.tsx), the contract's Europe/Paris until then.
import { createContext, useContext, useMemo } from 'react';
import { DEFAULT_COVERED_HOURS } from '../domain/covered-hours.ts';
import type { TimeDisplay } from './format.ts';
import { useLocale } from './locale-context.ts';

export const DEFAULT_TIME_ZONE = DEFAULT_COVERED_HOURS.timeZone;

export const TimeZoneContext = createContext<string>(DEFAULT_TIME_ZONE);

/** The language and time zone to format dates with (a stable object until either changes). */
export function useTimeDisplay(): TimeDisplay {
  const { locale } = useLocale();
  const timeZone = useContext(TimeZoneContext);
  return useMemo(() => ({ locale, timeZone }), [locale, timeZone]);
}
