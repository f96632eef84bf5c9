// Says plainly that this is the offline demo on simulated data, and how fast simulated time runs.
import type { DemoSettings } from './demo-settings.ts';

export function DemoBadge({ settings }: { settings: DemoSettings }) {
  return (
    <div role="note" className="pointer-events-none fixed right-2 bottom-2 z-[1000] rounded bg-amber-400/90 px-2 py-1 text-xs font-medium text-slate-950 shadow">
      Démo hors ligne · données simulées · scénario {settings.scenario} · temps ×{settings.speed}
    </div>
  );
}
