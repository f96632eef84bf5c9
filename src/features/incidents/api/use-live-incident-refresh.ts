import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { queryKeys } from '../../../api/query-keys.ts';
import { useIncidents } from '../../../live/use-live.ts';

/**
 * New or changed incidents on the live stream may enter or leave the current filters: refetch the
 * list at once, then at most once per `minGapMs` so that a storm of updates costs one request per
 * gap (the first change after a quiet spell used to wait a whole gap before showing up). The rows
 * themselves need no refetch: they show the newer copy by version (incidents-panel.tsx). `clock`
 * (epoch ms, a stable function) measures the gap.
 */
export function useLiveIncidentRefresh(minGapMs = 5_000, clock: () => number = Date.now): void {
  const incidents = useIncidents();
  const queryClient = useQueryClient();
  const first = useRef(true);
  /** When the list was last (re)fetched: the mount counts, the query has just been read. */
  const lastRefresh = useRef<number | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      lastRefresh.current = clock();
      return;
    }
    if (timer.current !== undefined) return;
    const refresh = () => {
      timer.current = undefined;
      lastRefresh.current = clock();
      void queryClient.invalidateQueries({ queryKey: queryKeys.incidents.lists() });
    };
    const wait = (lastRefresh.current ?? 0) + minGapMs - clock();
    if (wait <= 0) refresh();
    else timer.current = setTimeout(refresh, wait);
  }, [incidents, queryClient, minGapMs, clock]);
  useEffect(() => () => clearTimeout(timer.current), []);
}
