// The SPA's index.html as the gateway serves it: the built file with the map's tile settings written
// into <meta> tags (read by src/features/map/api/tile-config.ts), so TILE_URL takes effect without
// rebuilding the SPA. Rendered once and kept; the values are operator input, escaped as attributes.
import { statSync, readFileSync } from 'node:fs';

export interface SpaRuntimeSettings {
  /** Raster tile URL template; '' keeps the SPA's build-time default, 'none' draws no tiles. */
  tileUrl: string;
  tileAttribution: string;
}

const ATTRIBUTE_ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&#39;', '<': '&lt;', '>': '&gt;' };

/** Safe inside a double-quoted HTML attribute (and harmless in a single-quoted one). */
export function escapeAttribute(value: string): string {
  return value.replace(/[&"'<>]/g, (c) => ATTRIBUTE_ESCAPES[c]!);
}

function metaTag(name: string, content: string): string {
  return `<meta name="${name}" content="${escapeAttribute(content)}" />`;
}

/** index.html with the runtime meta tags inserted at the end of <head> (unchanged when TILE_URL is empty). */
export function renderSpaIndex(html: string, settings: SpaRuntimeSettings): string {
  const url = settings.tileUrl.trim();
  if (!url) return html;
  const tags = [metaTag('vigie-tile-url', url), metaTag('vigie-tile-attribution', settings.tileAttribution.trim())].join('');
  const headEnd = /<\/head\s*>/i.exec(html);
  if (headEnd) return html.slice(0, headEnd.index) + tags + html.slice(headEnd.index);
  // A minimal page without an explicit <head>: the tags still belong after the doctype.
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  return doctype ? doctype[0] + tags + html.slice(doctype[0].length) : tags + html;
}

/**
 * The rendered index.html of a built SPA folder, kept in memory. A rebuild while the gateway runs
 * replaces the hashed assets the old page names, so the copy is re-rendered when the file changes
 * (one stat per page load). undefined while the folder has no index.html.
 */
export function spaIndexFile(path: string, settings: SpaRuntimeSettings): () => string | undefined {
  let cached: { mtimeMs: number; size: number; html: string } | undefined;
  return () => {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      return undefined;
    }
    if (cached?.mtimeMs !== stat.mtimeMs || cached.size !== stat.size) {
      cached = { mtimeMs: stat.mtimeMs, size: stat.size, html: renderSpaIndex(readFileSync(path, 'utf8'), settings) };
    }
    return cached.html;
  };
}
