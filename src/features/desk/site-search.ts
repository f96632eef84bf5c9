// The desk's search also finds sites that are fine: "/" then a commune or site name selects it and
// centres the map on it — the keyboard way to any of the estate's sites.
import type { EstateIndex } from '../../domain/estate-index.ts';
import { searchFold } from '../../domain/search-fold.ts';

export interface SiteHit {
  siteId: string;
  commune: string;
  site: string;
}


/** Sites whose "commune site" holds every word of `query`, names starting with a word first. */
export function searchSites(index: EstateIndex, query: string, limit = 8): SiteHit[] {
  const words = searchFold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const hits: Array<SiteHit & { rank: number }> = [];
  for (const site of index.sites.values()) {
    const commune = index.collectivites.get(site.collectiviteId)?.name ?? '';
    const text = searchFold(`${commune} ${site.name}`);
    if (!words.every((w) => text.includes(w))) continue;
    const rank = searchFold(commune).startsWith(words[0]!) ? 0 : searchFold(site.name).startsWith(words[0]!) ? 1 : 2;
    hits.push({ siteId: site.id, commune, site: site.name, rank });
  }
  return hits
    .sort((a, b) => a.rank - b.rank || a.commune.localeCompare(b.commune, 'fr') || a.site.localeCompare(b.site, 'fr'))
    .slice(0, limit)
    .map(({ rank: _rank, ...hit }) => hit);
}
