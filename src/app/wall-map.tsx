// The wall's map: the map feature's site map, read-only, fitted to the collectivité on screen (the
// whole scope when nothing is open), with the dashboard's markers and a one-line legend. Markers
// grow with the wall's rem, as its text does (×1.25 at 1920 px wide, ×2.5 in 4K).
import { useState } from 'react';
import { MapLegend } from '../features/map/components/map-legend.tsx';
import { SiteMap } from '../features/map/components/site-map.tsx';
import { wallRemPx } from '../features/wall/use-wall-scale.ts';

const DASHBOARD_REM_PX = 16;

export function WallMap({ collectiviteId }: { collectiviteId: string | undefined }) {
  // Read once: a kiosk screen does not change size, and a new scale would re-create the layer.
  const [markerScale] = useState(() => wallRemPx(globalThis.innerWidth ?? 1920) / DASHBOARD_REM_PX);
  return (
    <div className="relative h-full w-full">
      <SiteMap className="h-full w-full" interactive={false} markerScale={markerScale} focusCollectiviteId={collectiviteId} />
      <MapLegend compact className="pointer-events-none absolute bottom-12 left-2 z-[1000]" />
    </div>
  );
}
