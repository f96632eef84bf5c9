// Where base-map tiles come from. Build-time VITE_TILE_URL / VITE_TILE_ATTRIBUTION override the
// OpenStreetMap default; VITE_TILE_URL=none draws no tiles at all (air-gapped walls).
export interface TileConfig {
  url: string | null;
  attribution: string;
}

export const OSM_TILES: TileConfig = {
  url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
  attribution: '© OpenStreetMap contributors',
};

export function resolveTileConfig(env: Record<string, string | undefined> = import.meta.env): TileConfig {
  const url = env.VITE_TILE_URL?.trim();
  if (!url) return OSM_TILES;
  if (url === 'none') return { url: null, attribution: '' };
  return { url, attribution: env.VITE_TILE_ATTRIBUTION ?? '' };
}
