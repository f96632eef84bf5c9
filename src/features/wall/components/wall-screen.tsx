import { useMemo, type ReactNode } from 'react';
import { isActive } from '../../../domain/incident-rules.ts';
import { useMessages } from '../../../i18n/locale-context.ts';
import { useEstateIndex, useFreshness, useIncidents } from '../../../live/use-live.ts';
import { wallMessages } from '../messages.ts';
import { rotationOrder } from '../rotation-order.ts';
import type { NewsKeys } from '../rotation-queue.ts';
import { criticalNews, mergeNews } from '../wall-news.ts';
import { useCriticalBeep } from '../use-critical-beep.ts';
import { useRotation } from '../use-rotation.ts';
import { useWallScale } from '../use-wall-scale.ts';
import { webAudioBeep } from '../web-audio-beep.ts';
import type { WallOptions } from '../wall-options.ts';
import { StaleBanner } from './stale-banner.tsx';
import { StormCards } from './storm-cards.tsx';
import { WallClock } from './wall-clock.tsx';
import { WallCollectiviteFocus } from './wall-collectivite-focus.tsx';

interface WallScreenProps {
  options: WallOptions;
  /** Breached and at-risk GTIs (composed by the app from the GTI feature). */
  gtiBanner?: ReactNode;
  /** Side panel for the collectivité on screen: GTI countdowns, availability. */
  renderAside?: (collectiviteId: string) => ReactNode;
  /** Shown when no collectivité has an open incident (e.g. the overall availability). */
  calm?: ReactNode;
  /**
   * The map of the collectivité on screen (undefined: the whole scope). It keeps its place in the
   * tree across rotations and calm spells, so it is mounted once and only re-fitted.
   */
  renderMap?: (collectiviteId: string | undefined) => ReactNode;
  /** News besides newly critical collectivités (the app adds GTIs at risk or breached). */
  news?: NewsKeys;
  beep?: () => void;
  clock?: () => number;
  /** The alarm service's health, shown under the clock beside the data's freshness (composed by the app). */
  alarmStatus?: ReactNode;
}

/**
 * The support cell's wall: dark, large, nothing to click. Cycles through the collectivités with
 * open incidents; greys the picture out and says so in a banner as soon as the data is stale.
 */
const NO_NEWS: NewsKeys = new Map();

export function WallScreen({ options, gtiBanner, renderAside, calm, renderMap, news = NO_NEWS, beep = webAudioBeep, clock, alarmStatus }: WallScreenProps) {
  useWallScale();
  const m = useMessages(wallMessages);
  const incidents = useIncidents();
  const index = useEstateIndex();
  const freshness = useFreshness(options.staleAfterMs);
  const order = useMemo(() => rotationOrder(incidents, (id) => index.collectivites.get(id)?.name ?? id), [incidents, index]);
  const ready = freshness.ageMs !== null;
  const allNews = useMemo(() => mergeNews(criticalNews(incidents), news), [incidents, news]);
  const { current, position, highlight } = useRotation(order, options.rotateMs, allNews, ready);
  useCriticalBeep(incidents, ready, options.sound, beep);
  const active = incidents.filter(isActive);
  const critical = active.filter((i) => i.severity === 'CRITICAL').length;
  const degraded = freshness.level === 'stale' || freshness.level === 'offline';

  return (
    <div className="fixed inset-0 flex cursor-none flex-col gap-4 overflow-hidden bg-slate-950 p-6 text-slate-100" data-freshness={freshness.level}>
      <header className="flex items-start justify-between gap-6">
        <div>
          <h1 className="text-3xl font-bold text-white">{m.title}</h1>
          <p role="group" aria-label={m.summary} className="mt-1 flex flex-wrap gap-x-6 text-2xl text-slate-200">
            <span>{m.incidentsOpen(active.length)}</span>
            <span className={critical > 0 ? 'font-bold text-red-400' : ''}>{m.critical(critical)}</span>
            <span>{m.collectivites(order.length)}</span>
          </p>
        </div>
        <div className="flex flex-col items-end gap-2">
          <WallClock clock={clock} />
          {alarmStatus}
        </div>
      </header>
      <StaleBanner freshness={freshness} />
      <StormCards />
      {gtiBanner}
      {/* Three columns: the site cards, the map, the GTI and availability aside; the title spans the first two. */}
      <main className={`grid min-h-0 flex-1 grid-cols-3 grid-rows-[auto_minmax(0,1fr)] gap-x-6 gap-y-4 transition ${degraded ? 'opacity-50 grayscale' : ''}`}>
        {current === undefined ? (
          <div className="row-span-2 flex min-h-0 flex-col justify-center gap-6">
            <p className="text-5xl font-black text-emerald-400">
              <span aria-hidden="true">✔ </span>
              {m.noIncident}
            </p>
            <p className="text-3xl text-slate-200">{m.noIncidentDetail}</p>
            {calm}
          </div>
        ) : (
          <>
            <WallCollectiviteFocus
              key={current}
              collectiviteId={current}
              news={highlight === current}
              headerClassName="col-span-2"
              sitesClassName="col-start-1 row-start-2"
            />
            <aside className="col-start-3 row-span-2 row-start-1 flex min-h-0 flex-col gap-4 overflow-hidden">{renderAside?.(current)}</aside>
          </>
        )}
        {renderMap && (
          <div className={`relative min-h-0 overflow-hidden rounded-xl ${current === undefined ? 'col-span-2 col-start-2 row-span-2 row-start-1' : 'col-start-2 row-start-2'}`}>
            {renderMap(current)}
          </div>
        )}
      </main>
      {order.length > 0 && (
        <footer className="flex items-center gap-4 text-xl text-slate-300">
          <span data-testid="wall-rotation">{m.rotation(position, order.length)}</span>
          <span className="flex gap-2" aria-hidden="true">
            {order.slice(0, 40).map((id) => (
              <span key={id} className={`h-3 w-3 rounded-full ${id === current ? 'bg-white' : 'bg-slate-600'}`} />
            ))}
          </span>
        </footer>
      )}
    </div>
  );
}
