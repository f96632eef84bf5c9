// Reading the map as a person sees it: the legend's site counts, and what the canvas site layer
// actually painted (any marker pixel, or pixels of one state's colour).
import type { Page } from 'playwright-core';
import type { Estate } from '../src/protocol/schemas.ts';

/** The map legend's entries ("Critique 58", "OK 500"…). */
export const legendItems = (page: Page) =>
  page.locator('figure', { has: page.locator('figcaption', { hasText: /^Légende$/ }) }).locator('li');

/** Site counts by state, read from the legend (phones also get a compact legend without numbers: skipped). */
export async function legendCounts(page: Page): Promise<Record<string, number>> {
  const items = await legendItems(page).allTextContents();
  const counted = items.map((text) => [text.replace(/[\d\s]+$/, '').trim(), Number(/(\d+)\s*$/.exec(text)?.[1] ?? NaN)] as const);
  return Object.fromEntries(counted.filter(([, n]) => Number.isFinite(n)));
}

/** The legend's entry for sites under planned work: those sites are already counted by their state. */
export const MAINTENANCE_ENTRY = 'En maintenance';

/** Sites in the legend: the sum of the state entries. */
export const total = (counts: Record<string, number>) => Object.entries(counts).reduce((a, [entry, n]) => (entry === MAINTENANCE_ENTRY ? a : a + n), 0);

/**
 * Canvas pixels of the site layer that are painted, or close to `rgb` when given; `above` (a page
 * y in CSS pixels) counts only what lies above it, e.g. what a bottom sheet leaves visible.
 */
export function canvasPixels(page: Page, rgb?: readonly [number, number, number], above?: number): Promise<number> {
  return page.evaluate(
    ([target, limit]) => {
      const canvas = document.querySelector<HTMLCanvasElement>('canvas.vigie-site-canvas');
      const ctx = canvas?.getContext('2d');
      if (!canvas || !ctx || canvas.width === 0) return 0;
      const rect = canvas.getBoundingClientRect();
      const rows = limit === null ? canvas.height : Math.max(0, Math.min(canvas.height, Math.floor(((limit - rect.top) * canvas.height) / rect.height)));
      if (rows === 0) return 0;
      const { data } = ctx.getImageData(0, 0, canvas.width, rows);
      let n = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3]! < 200) continue;
        if (!target) n++;
        else if (Math.abs(data[i]! - target[0]) + Math.abs(data[i + 1]! - target[1]) + Math.abs(data[i + 2]! - target[2]) < 30) n++;
      }
      return n;
    },
    [rgb ?? null, above ?? null] as const,
  );
}

/** STATE_STYLE.CRITICAL.color (#ef4444). */
export const CRITICAL_RGB = [0xef, 0x44, 0x44] as const;

/** A site's probes, in estate order, with the names the UI shows next to them. */
export function probesOfSite(estate: Estate, siteId: string) {
  const equipment = new Set(estate.equipment.filter((e) => e.siteId === siteId).map((e) => e.id));
  return estate.probes.filter((p) => equipment.has(p.equipmentId));
}

/** Horizontal overflow of the document, in CSS pixels (0 = no sideways scrolling). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - document.documentElement.clientWidth);
}
