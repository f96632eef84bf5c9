import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useIncidents } from '../../../live/use-live.ts';

/**
 * New or changed incidents on the live stream may enter or leave the current filters: refetch the
 * list, at most once per `minGapMs` so that a storm of updates costs one request.
 */
export function useLiveIncidentRefresh(minGapMs = 5_000): void {
  const incidents = useIncidents();
  const queryClient = useQueryClient();
  const first = useRef(true);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (timer.current !== undefined) return;
    timer.current = setTimeout(() => {
      timer.current = undefined;
      void queryClient.invalidateQueries({ queryKey: ['incidents', 'list'] });
    }, minGapMs);
  }, [incidents, queryClient, minGapMs]);
  useEffect(() => () => clearTimeout(timer.current), []);
}
