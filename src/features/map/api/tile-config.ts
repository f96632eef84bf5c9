// Where base-map tiles come from, most specific first:
// 1. runtime: <meta name="vigie-tile-url" content="…"> (and vigie-tile-attribution) in index.html,
//    which a gateway can write from its TILE_URL setting without rebuilding the SPA;
// 2. build time: VITE_TILE_URL / VITE_TILE_ATTRIBUTION;
// 3. the OpenStreetMap default. The value `none` draws no tiles at all (air-gapped walls).
export interface TileConfig {
  url: string | null;
  attribution: string;
}

export const OSM_TILES: TileConfig = {
  url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
  attribution: '© OpenStreetMap contributors',
};

function meta(doc: Document | undefined, name: string): string | undefined {
  return doc?.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content.trim() || undefined;
}

export function resolveTileConfig(env: Record<string, string | undefined> = import.meta.env, doc: Document | undefined = globalThis.document): TileConfig {
  const runtime = meta(doc, 'vigie-tile-url');
  const url = runtime ?? env.VITE_TILE_URL?.trim();
  if (!url) return OSM_TILES;
  if (url === 'none') return { url: null, attribution: '' };
  return { url, attribution: (runtime ? meta(doc, 'vigie-tile-attribution') : env.VITE_TILE_ATTRIBUTION) ?? '' };
}
