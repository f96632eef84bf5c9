// Keyboard access to the canvas site layer: the map is one tab stop, and inside it the arrow keys
// move a focus from site (or group) to the nearest one in that direction, Enter opens the site or
// zooms into the group, Escape lets go. Shift + arrows and + / − stay Leaflet's (pan, zoom), and an
// arrow with nothing further that way pans too. The focus is kept by site ids, not by position, so
// it survives repaints, pans and zooms; what it rests on is announced through a live region.
import { stateSeverity, type ProbeState } from '../../../domain/model.ts';

export interface KeyTarget {
  x: number;
  y: number;
  r: number;
  ids: string[];
  worst: ProbeState;
}

export type Direction = 'left' | 'right' | 'up' | 'down';

const VECTORS: Record<Direction, [number, number]> = { left: [-1, 0], right: [1, 0], up: [0, -1], down: [0, 1] };
const KEYS: Record<string, Direction> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

/** The target nearest `from` in `direction` (ahead counts, straying sideways counts double). */
export function nearestInDirection(targets: readonly KeyTarget[], from: { x: number; y: number }, direction: Direction): KeyTarget | undefined {
  const [dx, dy] = VECTORS[direction];
  let best: KeyTarget | undefined;
  let bestScore = Infinity;
  for (const t of targets) {
    const ahead = (t.x - from.x) * dx + (t.y - from.y) * dy;
    if (ahead < 1) continue;
    const aside = Math.abs((t.x - from.x) * dy - (t.y - from.y) * dx);
    const score = ahead + 2 * aside;
    if (score < bestScore) {
      bestScore = score;
      best = t;
    }
  }
  return best;
}

/** Where the focus lands first: the worst state, then the nearest to the centre. */
export function firstTarget(targets: readonly KeyTarget[], centre: { x: number; y: number }): KeyTarget | undefined {
  const distance = (t: KeyTarget) => Math.hypot(t.x - centre.x, t.y - centre.y);
  return [...targets].sort((a, b) => stateSeverity(b.worst) - stateSeverity(a.worst) || distance(a) - distance(b))[0];
}

export interface SiteKeyboardOptions {
  container: HTMLElement;
  /** The targets painted last, fully inside the view. */
  targets(): readonly KeyTarget[];
  /** Enter on a target: open the site, or zoom into the group. */
  activate(target: KeyTarget): void;
  /** The focus moved (undefined: none); the layer repaints its ring and label. */
  changed(): void;
  /** Tells what the keys do (text, shown while the map has the focus; read then, so the language can change). */
  hint(): string;
}

export interface SiteKeyboard {
  /** The painted target holding the focus, if it is on screen. */
  focused(): KeyTarget | undefined;
  /** Say what the focus rests on (text, for screen readers). */
  announce(text: string): void;
  dispose(): void;
}

export function attachSiteKeyboard(options: SiteKeyboardOptions): SiteKeyboard {
  const { container } = options;
  let focusIds: ReadonlySet<string> = new Set();
  const live = document.createElement('div');
  live.setAttribute('role', 'status');
  live.className = 'sr-only';
  const hint = document.createElement('p');
  hint.id = `vigie-map-keys-${Math.random().toString(36).slice(2)}`;
  hint.className = 'vigie-map-keys pointer-events-none absolute bottom-1 left-1 z-[1001] max-w-[calc(100%-0.5rem)] rounded bg-slate-950 px-2 py-1 text-xs text-slate-100 ring-1 ring-sky-400';
  hint.textContent = options.hint();
  hint.hidden = true;
  container.append(live, hint);
  container.setAttribute('aria-describedby', hint.id);
  container.setAttribute('aria-roledescription', 'carte');

  function focused(): KeyTarget | undefined {
    if (focusIds.size === 0) return undefined;
    let best: KeyTarget | undefined;
    let overlap = 0;
    for (const t of options.targets()) {
      const n = t.ids.reduce((sum, id) => sum + (focusIds.has(id) ? 1 : 0), 0);
      if (n > overlap) {
        overlap = n;
        best = t;
      }
    }
    return best;
  }

  function focus(target: KeyTarget | undefined) {
    focusIds = new Set(target?.ids ?? []);
    if (!target) live.textContent = '';
    options.changed();
  }

  function showHint() {
    hint.textContent = options.hint();
    hint.hidden = false;
  }

  const centre = () => ({ x: container.clientWidth / 2, y: container.clientHeight / 2 });

  function onKeyDown(e: KeyboardEvent) {
    if (e.target !== container || e.altKey || e.ctrlKey || e.metaKey) return;
    const direction = KEYS[e.key];
    showHint();
    if (direction && !e.shiftKey) {
      const current = focused();
      const next = current ? nearestInDirection(options.targets(), current, direction) : firstTarget(options.targets(), centre());
      if (!next) return; // nothing further that way: Leaflet pans
      e.preventDefault();
      e.stopImmediatePropagation();
      focus(next);
    } else if (e.key === 'Enter' || e.key === ' ') {
      const current = focused();
      if (!current) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      options.activate(current);
    } else if (e.key === 'Escape' && focusIds.size > 0) {
      e.stopImmediatePropagation();
      focus(undefined);
    }
  }

  // A click focuses the map too (Leaflet): only a keyboard focus puts the focus on a site.
  function onFocus() {
    if (!focusVisible(container)) return;
    showHint();
    if (!focused()) focus(firstTarget(options.targets(), centre()));
  }
  function onBlur() {
    hint.hidden = true;
    focus(undefined);
  }

  container.addEventListener('keydown', onKeyDown, true);
  container.addEventListener('focus', onFocus);
  container.addEventListener('blur', onBlur);
  return {
    focused,
    announce(text) {
      if (live.textContent !== text) live.textContent = text;
    },
    dispose() {
      container.removeEventListener('keydown', onKeyDown, true);
      container.removeEventListener('focus', onFocus);
      container.removeEventListener('blur', onBlur);
      container.removeAttribute('aria-describedby');
      container.removeAttribute('aria-roledescription');
      live.remove();
      hint.remove();
    },
  };
}

function focusVisible(element: HTMLElement): boolean {
  try {
    return element.matches(':focus-visible');
  } catch {
    return true; // an engine without :focus-visible: treat every focus as the keyboard's
  }
}
