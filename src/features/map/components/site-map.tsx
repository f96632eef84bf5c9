// The map, mounted once. Tiles are decoration: when they fail (offline wall, blocked server) the
// sites stay on a plain background and a notice says so.
import 'leaflet/dist/leaflet.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import { MapContainer, TileLayer, useMap } from 'react-leaflet';
import L from 'leaflet';
import { useMessages } from '../../../i18n/locale-context.ts';
import { useEstateIndex } from '../../../live/use-live.ts';
import { resolveTileConfig, type TileConfig } from '../api/tile-config.ts';
import { mapMessages } from '../map-messages.ts';
import { PositionsCredit } from './positions-credit.tsx';
import { SiteMarkers } from './site-markers.tsx';

const MOSELLE_CENTER: [number, number] = [49.04, 6.66];

export interface SiteMapProps {
  onSelectSite(siteId: string): void;
  /** Ringed on the map, and brought into view when off screen. */
  selectedSiteId?: string;
  /** Fit the view to this collectivité's sites (référent, /c/:id). */
  focusCollectiviteId?: string;
  tiles?: TileConfig;
  className?: string;
}

export function SiteMap({ onSelectSite, selectedSiteId, focusCollectiviteId, tiles, className = '' }: SiteMapProps) {
  const m = useMessages(mapMessages);
  const config = useMemo(() => tiles ?? resolveTileConfig(), [tiles]);
  const [tilesFailed, setTilesFailed] = useState(config.url === null);
  const loaded = useRef(false);
  const tileEvents = useMemo(
    () => ({
      tileload: () => {
        loaded.current = true;
        setTilesFailed(false);
      },
      tileerror: () => {
        if (!loaded.current) setTilesFailed(true);
      },
    }),
    [],
  );

  return (
    <section aria-label={m.mapLabel} className={`relative isolate overflow-hidden bg-slate-800 ${className}`}>
      <MapContainer center={MOSELLE_CENTER} zoom={9} minZoom={7} maxZoom={18} className="h-full w-full !bg-slate-800" attributionControl>
        {config.url && <TileLayer url={config.url} attribution={config.attribution} eventHandlers={tileEvents} />}
        <SiteMarkers onSelectSite={onSelectSite} selectedSiteId={selectedSiteId} />
        <FitToSites collectiviteId={focusCollectiviteId} />
      </MapContainer>
      {tilesFailed && (
        <p role="status" className="pointer-events-none absolute top-2 left-1/2 z-[1000] w-max max-w-[calc(100%-7rem)] -translate-x-1/2 rounded bg-slate-900/90 px-3 py-1.5 text-center text-xs text-amber-200 shadow sm:text-sm">
          {m.tilesUnavailable}
        </p>
      )}
      <PositionsCredit />
    </section>
  );
}

/** Fits the view once the estate arrives, and again when the focus changes — not on every snapshot. */
function FitToSites({ collectiviteId }: { collectiviteId: string | undefined }) {
  const map = useMap();
  const index = useEstateIndex();
  const fittedFor = useRef<string | null>(null);
  useEffect(() => {
    const key = collectiviteId ?? '*';
    if (index.sites.size === 0 || fittedFor.current === key) return;
    const sites = collectiviteId ? (index.sitesByCollectivite.get(collectiviteId) ?? []) : [...index.sites.values()];
    if (sites.length === 0) return;
    fittedFor.current = key;
    const bounds = L.latLngBounds(sites.map((s) => [s.lat, s.lng] as [number, number]));
    map.fitBounds(bounds.pad(0.15), { maxZoom: collectiviteId ? 14 : 11, animate: false });
  }, [map, index, collectiviteId]);
  return null;
}
