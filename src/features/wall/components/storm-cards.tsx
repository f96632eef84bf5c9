// The wall's storm summary: while an area cut lasts (many sites of one EPCI losing their access
// together, domain/root-cause.ts), one card says what, where, how big and since when — readable
// across the room, above the rotation, so a running wall shows the storm at once.
import { formatTime } from '../../../i18n/format.ts';
import { useMessages } from '../../../i18n/locale-context.ts';
import { useTimeDisplay } from '../../../i18n/time-zone-context.ts';
import { sameGroups, stormsInSteps } from '../../../live/problem-groups.ts';
import { useSlicedLive } from '../../../live/use-live.ts';
import { wallMessages } from '../messages.ts';

const MAX_STORMS = 3;
const TOPICS = ['estate', 'statuses'] as const;
/** Folding a storm every frame costs 100+ ms tasks (docs/benchmarks.md): a card may lag a little. */
const REFRESH_MS = 500;

export function StormCards() {
  const m = useMessages(wallMessages);
  const display = useTimeDisplay();
  const storms = useSlicedLive(TOPICS, stormsInSteps, sameGroups, REFRESH_MS);
  if (storms.length === 0) return null;
  return (
    <section aria-label={m.storms} className="flex flex-col gap-2">
      {storms.slice(0, MAX_STORMS).map((g) => (
        <p key={g.id} data-storm={g.epci} className="rounded-lg bg-red-700 px-4 py-2 text-3xl font-black text-white ring-4 ring-red-400">
          <span aria-hidden="true">⚡ </span>
          {m.storm(g.epci ?? '', g.siteIds.length, formatTime(display, g.since))}
        </p>
      ))}
    </section>
  );
}
