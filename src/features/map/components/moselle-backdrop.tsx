// Mounts the Moselle backdrop (département, EPCI and commune borders, place names) under the sites.
// The boundaries file is fetched once per page, once the estate is in and the markers painted (or
// after WITHOUT_SITES_MS without an estate), when the browser is idle — so it never delays the
// markers; until it arrives (or if it cannot be read) the sites stand on the plain background.
import { useEffect, useRef, useState } from 'react';
import { useMap } from 'react-leaflet';
import { useEstateIndex } from '../../../live/use-live.ts';
import { loadBoundaries, type MoselleBoundaries } from '../api/boundaries-file.ts';
import { createBoundariesLayer, type BoundariesLayer } from '../layer/boundaries-layer.ts';

let shared: Promise<MoselleBoundaries> | undefined;

/** Drawn anyway after this long without an estate (gateway unreachable, empty scope). */
const WITHOUT_SITES_MS = 3_000;
const CHECK_MS = 100;

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
  const estateIn = useRef(false);
  const hasSites = useEstateIndex().sites.size > 0;
  useEffect(() => {
    estateIn.current = hasSites;
  }, [hasSites]);

  useEffect(() => {
    let created: BoundariesLayer | undefined;
    let credit: string | undefined;
    let cancelled = false;
    let cancelIdle: (() => void) | undefined;
    const whenIdle = (run: () => void) => {
      if (typeof window.requestIdleCallback !== 'function') return run();
      const id = window.requestIdleCallback(run, { timeout: 1_000 });
      cancelIdle = () => window.cancelIdleCallback(id);
    };
    const draw = () => {
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
    };
    // After the markers' first paint (the frame driver paints in the animation frame after the
    // estate arrives), when idle; checked every CHECK_MS, drawn anyway after WITHOUT_SITES_MS.
    const since = performance.now();
    let start = 0;
    const wait = () => {
      if (estateIn.current || performance.now() - since >= WITHOUT_SITES_MS) whenIdle(draw);
      else start = window.setTimeout(wait, CHECK_MS);
    };
    start = window.setTimeout(wait, 0);
    return () => {
      cancelled = true;
      window.clearTimeout(start);
      cancelIdle?.();
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
