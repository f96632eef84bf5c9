import { useMemo } from 'react';
import { useCalendar } from '../../../api/queries.ts';
import { coveredCalendarFrom, type CoveredCalendar } from '../calendar-hours.ts';

export interface CoveredCalendarState {
  calendar: CoveredCalendar | undefined;
  isPending: boolean;
  isError: boolean;
  refetch: () => void;
}

/** The covered-hours calendar from GET /calendar, built once per response. */
export function useCoveredCalendar(): CoveredCalendarState {
  const query = useCalendar();
  const calendar = useMemo(() => (query.data ? coveredCalendarFrom(query.data) : undefined), [query.data]);
  return {
    calendar,
    isPending: query.isPending,
    isError: query.isError && !query.data,
    refetch: () => void query.refetch(),
  };
}
