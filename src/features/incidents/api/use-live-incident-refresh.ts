import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useIncidents } from '../../../live/use-live.ts';

/**
 * New or changed incidents on the live stream may enter or leave the current filters: refetch the
 * list at once, then at most once per `minGapMs` so that a storm of updates costs one request per
 * gap (the first change after a quiet spell used to wait a whole gap before showing up).
 */
export function useLiveIncidentRefresh(minGapMs = 5_000): void {
  const incidents = useIncidents();
  const queryClient = useQueryClient();
  const first = useRef(true);
  /** When the list was last (re)fetched: the mount counts, the query has just been read. */
  const lastRefresh = useRef<number | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      lastRefresh.current = Date.now();
      return;
    }
    if (timer.current !== undefined) return;
    const refresh = () => {
      timer.current = undefined;
      lastRefresh.current = Date.now();
      void queryClient.invalidateQueries({ queryKey: ['incidents', 'list'] });
    };
    const wait = (lastRefresh.current ?? 0) + minGapMs - Date.now();
    if (wait <= 0) refresh();
    else timer.current = setTimeout(refresh, wait);
  }, [incidents, queryClient, minGapMs]);
  useEffect(() => () => clearTimeout(timer.current), []);
}
