// How people point at the canvas site layer's sites: the mouse (hover label, click) and the
// keyboard (site-keyboard.ts), both showing the same label (site-label.ts). The layer paints and
// hands over what it painted; this draws the keyboard focus ring on top and places the label.
import type L from 'leaflet';
import { attachSiteKeyboard, type KeyTarget } from './site-keyboard.ts';
import { createSiteLabel } from './site-label.ts';

export interface SitePointingOptions {
  map: L.Map;
  /** The targets of the last paint, last drawn on top. */
  targets(): readonly KeyTarget[];
  /** The label's text (set as textContent). */
  describe(target: KeyTarget): string;
  /** A click or Enter on a target. */
  activate(target: KeyTarget): void;
  /** Paint again (the focus moved, or the pointer left a site). */
  repaint(): void;
  keyboardHint(): string;
}

export interface SitePointing {
  /** After each paint: the focus ring and the label where the targets now are. */
  afterPaint(ctx: CanvasRenderingContext2D): void;
  dispose(): void;
}

export function createSitePointing(options: SitePointingOptions): SitePointing {
  const { map } = options;
  const container = map.getContainer();
  const label = createSiteLabel(container);
  let hovered: KeyTarget | undefined;
  const keyboard = attachSiteKeyboard({
    container,
    targets: () => options.targets().filter((t) => t.x >= 0 && t.y >= 0 && t.x <= container.clientWidth && t.y <= container.clientHeight),
    activate: options.activate,
    changed: options.repaint,
    hint: options.keyboardHint,
  });

  function hit(point: L.Point): KeyTarget | undefined {
    const targets = options.targets();
    // Last drawn is on top: search backwards.
    for (let i = targets.length - 1; i >= 0; i--) {
      const t = targets[i]!;
      if ((t.x - point.x) ** 2 + (t.y - point.y) ** 2 <= t.r ** 2) return t;
    }
    return undefined;
  }

  function onClick(e: L.LeafletMouseEvent) {
    const target = hit(e.containerPoint);
    if (target) options.activate(target);
  }

  function onMouseMove(e: L.LeafletMouseEvent) {
    const was = hovered;
    hovered = hit(e.containerPoint);
    container.style.cursor = hovered ? 'pointer' : '';
    if (hovered) label.show(options.describe(hovered), hovered.x, hovered.y, hovered.r);
    else if (was) options.repaint(); // back to the keyboard focus's label, if any
  }

  function onMouseOut() {
    if (!hovered) return;
    hovered = undefined;
    options.repaint();
  }

  map.on('click', onClick);
  map.on('mousemove', onMouseMove);
  map.on('mouseout', onMouseOut);
  return {
    afterPaint(ctx) {
      const target = keyboard.focused();
      if (!target) {
        if (!hovered) label.hide();
        return;
      }
      ctx.beginPath();
      ctx.arc(target.x, target.y, target.r + 3, 0, Math.PI * 2);
      ctx.lineWidth = 3;
      ctx.strokeStyle = '#f8fafc';
      ctx.stroke();
      const text = options.describe(target);
      keyboard.announce(text);
      if (!hovered) label.show(text, target.x, target.y, target.r + 3, true);
    },
    dispose() {
      map.off('click', onClick);
      map.off('mousemove', onMouseMove);
      map.off('mouseout', onMouseOut);
      keyboard.dispose();
      label.remove();
    },
  };
}
