import { useMessages } from '../../../i18n/locale-context.ts';
import { useSourceHealth } from '../../../live/use-live.ts';
import { mapMessages } from '../map-messages.ts';

/** The only source whose site positions are made up (at random inside their real commune). */
const SIMULATED_POSITIONS_SOURCE = 'simulator';

/**
 * Says the positions are simulated — only when the simulator placed the sites. With a real engine
 * (Icinga 2) the positions are the operator's own, and the line would lie. (The IGN boundaries the
 * simulator places them in are credited in the map's attribution, with or without the simulator.)
 */
export function PositionsCredit() {
  const m = useMessages(mapMessages);
  const source = useSourceHealth();
  if (source?.source !== SIMULATED_POSITIONS_SOURCE) return null;
  return (
    // In the map's bottom-right corner (site-map.tsx), stacked right above Leaflet's attribution line.
    <p data-testid="positions-credit" className="pointer-events-none bg-slate-900/80 px-1.5 py-0.5 text-right text-[0.6875rem] leading-tight text-slate-300">
      {m.positionsCredit}
    </p>
  );
}
