// One collectivité on the wall: its title line, then a card per site in trouble with its lines (a
// failing probe, or a cause with what it explains folded in — collectivite-trouble.ts), sized for 5 m.
import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { pluginSentence } from '../../../domain/plugin-output.ts';
import { formatDuration } from '../../../i18n/format.ts';
import { useLocale, useMessages } from '../../../i18n/locale-context.ts';
import type { LiveStore } from '../../../live/live-store.ts';
import { declaredParents } from '../../../live/problem-groups.ts';
import { useLive, useServerNow } from '../../../live/use-live.ts';
import { StateBadge, STATE_SYMBOL } from '../../../ui/state-badge.tsx';
import type { Handling } from '../../../domain/incident-rules.ts';
import { collectiviteTrouble, type TroubleLine } from '../collectivite-trouble.ts';
import { wallMessages } from '../messages.ts';

const MAX_SITES = 6;
const MAX_LINES = 3;

interface WallCollectiviteFocusProps {
  collectiviteId: string;
  /** On screen because of news (rotation-queue.ts): highlighted for the time of its step. */
  news?: boolean;
  /** Where the wall's grid puts the title line and the site cards (they sit in different cells). */
  headerClassName?: string;
  sitesClassName?: string;
}

/**
 * One collectivité on the wall: its name, then every site in trouble with its lines — a failing probe,
 * or a cause with the problems it explains folded in (collectivite-trouble.ts). Cards that do not fit the height are left out whole (the column wraps them out of view), not cut.
 */
export function WallCollectiviteFocus({ collectiviteId, news = false, headerClassName = '', sitesClassName = '' }: WallCollectiviteFocusProps) {
  const m = useMessages(wallMessages);
  const now = useServerNow(10_000);
  const collectivite = useLive('estate', (s) => s.index.collectivites.get(collectiviteId));
  const select = useCallback((s: LiveStore) => collectiviteTrouble(s, collectiviteId, declaredParents(s.index)), [collectiviteId]);
  const { sites, siteCount, failing, inMaintenance } = useLive(['estate', 'statuses', 'incidents'], select);
  const shown = sites.slice(0, MAX_SITES);
  const cards = useRef<HTMLUListElement>(null);
  const notShown = sites.length - shown.length + useCardsOutOfView(cards, shown.map((site) => `${site.siteId}:${site.lines.length}`).join('|'));
  return (
    <>
      <header className={`flex flex-wrap items-baseline gap-x-6 ${headerClassName}`} data-wall-news={news || undefined}>
        {news && <span className="animate-pulse self-center rounded-md bg-red-600 px-3 py-1 text-2xl font-black tracking-wide text-white uppercase">{m.news}</span>}
        <h2 id="wall-focus-title" className="text-6xl font-black text-white">
          {collectivite?.name ?? collectiviteId}
        </h2>
        {collectivite?.epci && <span className="text-2xl text-slate-300">{collectivite.epci}</span>}
        <span className="text-2xl text-slate-200">
          {siteCount === 0 ? m.allSitesOk : `${m.sites(siteCount)} · ${m.probesDown(failing)}`}
        </span>
        {inMaintenance > 0 && <span className="text-2xl text-sky-300">{m.inMaintenance(inMaintenance)}</span>}
        {notShown > 0 && (
          <span className="text-2xl font-semibold text-amber-300" data-wall-sites-not-shown>
            {m.sitesNotShown(notShown)}
          </span>
        )}
      </header>
      <section aria-labelledby="wall-focus-title" className={`min-h-0 ${sitesClassName}`}>
        <ul ref={cards} className="flex h-full flex-col flex-wrap content-start gap-4 overflow-hidden">
          {shown.map((site) => (
            <li key={site.siteId} className="flex w-full flex-col gap-2 rounded-xl bg-slate-900 p-4 ring-1 ring-slate-700 ring-inset">
              <p className="flex items-center gap-3 text-3xl font-bold text-white">
                <StateBadge state={site.state} size="wall" data-wall-state-badge />
                <span className="min-w-0 break-words" data-wall-site-name>
                  {site.name}
                </span>
              </p>
              <ul className="flex flex-col gap-1">
                {site.lines.slice(0, MAX_LINES).map((line) => (
                  <WallTroubleLine key={line.kind === 'cause' ? line.id : line.probeId} line={line} now={now} />
                ))}
                {site.lines.length > MAX_LINES && <li className="text-xl text-slate-300">+{site.lines.length - MAX_LINES}</li>}
              </ul>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

/**
 * How many of the list's cards the column pushed out of view (wrapped beyond its width, or below its
 * height): the header says so, since the wall cannot scroll. Measured when the cards shown change
 * (`cardsKey`) and when the list or a card changes size.
 */
function useCardsOutOfView(list: RefObject<HTMLUListElement | null>, cardsKey: string): number {
  const [outOfView, setOutOfView] = useState(0);
  useLayoutEffect(() => {
    const ul = list.current;
    if (!ul) return;
    const measure = () => {
      if (ul.clientWidth === 0 && ul.clientHeight === 0) return; // not laid out (hidden, or no layout engine)
      const box = ul.getBoundingClientRect();
      let n = 0;
      for (const card of ul.children) {
        const r = card.getBoundingClientRect();
        if (r.left >= box.right - 1 || r.bottom > box.bottom + 1) n++;
      }
      setOutOfView(n);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(ul);
    for (const card of ul.children) observer.observe(card);
    return () => observer.disconnect();
  }, [list, cardsKey]);
  return outOfView;
}

/** One line of a site card: a probe in trouble, or a cause with the problems it explains folded in. */
function WallTroubleLine({ line, now }: { line: TroubleLine; now: number }) {
  const m = useMessages(wallMessages);
  const { locale } = useLocale();
  const since = <span className="whitespace-nowrap text-slate-300">{m.since(formatDuration(locale, Math.max(0, now - line.since)))}</span>;
  if (line.kind === 'cause') {
    const words = line.cause === 'dependency' ? m.cause.dependency(line.causeName) : m.cause[line.cause];
    return (
      <li data-wall-cause={line.cause} className="text-2xl text-white">
        <span className="font-bold">
          <span aria-hidden="true">{STATE_SYMBOL[line.state]} </span>
          {words} — {m.dependents(line.dependents, line.allUnreachable)}
        </span>{' '}
        {since}
        <HandlingChip handling={line.handling} />
      </li>
    );
  }
  return (
    <li className="text-xl text-slate-100">
      <span className="font-semibold">
        <span aria-hidden="true">{STATE_SYMBOL[line.state]} </span>
        {line.equipment ? `${line.equipment} · ` : ''}
        {line.name}
      </span>{' '}
      {since}
      <HandlingChip handling={line.handling} />
      <span className="block truncate text-xl text-slate-200">{pluginSentence(line.output)}</span>
    </li>
  );
}

function HandlingChip({ handling }: { handling: Handling | undefined }) {
  const m = useMessages(wallMessages);
  if (!handling) return null;
  return (
    <span data-handling={handling} className="ml-3 rounded bg-sky-700 px-2 text-lg font-semibold whitespace-nowrap text-white">
      {m.handling[handling]}
    </span>
  );
}
