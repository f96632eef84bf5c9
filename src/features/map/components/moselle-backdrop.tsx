// Mounts the Moselle backdrop (département, EPCI and commune borders, place names) under the sites.
// The boundaries file is fetched once per page, after the map's first paint, so it never delays the
// markers; until it arrives (or if it cannot be read) the sites stand on the plain background.
import { useEffect, useState } from 'react';
import { useMap } from 'react-leaflet';
import { loadBoundaries, type MoselleBoundaries } from '../api/boundaries-file.ts';
import { createBoundariesLayer, type BoundariesLayer } from '../layer/boundaries-layer.ts';

let shared: Promise<MoselleBoundaries> | undefined;

/** The file, fetched on first use and kept for the page's life (every map shares it). */
function boundaries(): Promise<MoselleBoundaries> {
  shared ??= loadBoundaries(import.meta.env.BASE_URL).catch((error: unknown) => {
    shared = undefined; // the next map mounted tries again
    throw error;
  });
  return shared;
}

export interface MoselleBackdropProps {
  /** No tiles behind: draw commune borders and names too. */
  plain: boolean;
  /** Injected in tests. */
  load?: () => Promise<MoselleBoundaries>;
}

export function MoselleBackdrop({ plain, load = boundaries }: MoselleBackdropProps) {
  const map = useMap();
  const [layer, setLayer] = useState<BoundariesLayer | undefined>(undefined);

  useEffect(() => {
    let created: BoundariesLayer | undefined;
    let credit: string | undefined;
    let cancelled = false;
    // After the first paint of the markers: never competes with them for the main thread.
    const start = window.setTimeout(() => {
      load().then(
        (data) => {
          if (cancelled) return;
          created = createBoundariesLayer(map, data, remPx() * 0.75);
          credit = escapeHtml(data.attribution); // Leaflet writes attributions as HTML
          map.attributionControl?.addAttribution(credit);
          setLayer(created);
        },
        (error: unknown) => console.warn('Moselle boundaries unavailable:', error),
      );
    }, 0);
    return () => {
      cancelled = true;
      window.clearTimeout(start);
      if (credit) map.attributionControl?.removeAttribution(credit);
      created?.dispose();
      setLayer(undefined);
    };
  }, [map, load]);

  useEffect(() => layer?.setPlain(plain), [layer, plain]);
  return null;
}

/** The root font size: names are sized in rem, which the wall scales with its screen. */
const remPx = () => Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
