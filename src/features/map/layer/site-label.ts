// The label beside a site or group under the pointer or the keyboard focus: text (never HTML) on a
// solid dark box with a border, so it reads over markers, borders and tiles alike, flipped to the
// left of the marker near the right edge and kept inside the map.

export interface SiteLabel {
  /** Shows `text` beside a marker of radius `r` centred at container pixel (x, y). */
  show(text: string, x: number, y: number, r: number, focused?: boolean): void;
  hide(): void;
  remove(): void;
}

const BOX =
  'vigie-site-tooltip pointer-events-none absolute top-0 left-0 z-[1001] max-w-[min(24rem,calc(100%-1rem))] rounded bg-slate-950 px-2 py-1 text-sm leading-snug text-slate-50 shadow-lg ring-1';

export function createSiteLabel(container: HTMLElement): SiteLabel {
  const box = document.createElement('div');
  box.className = BOX;
  box.hidden = true;
  container.append(box);
  return {
    show(text, x, y, r, focused = false) {
      box.textContent = text;
      box.hidden = false;
      box.classList.toggle('ring-sky-400', focused);
      box.classList.toggle('ring-slate-500', !focused);
      const width = box.offsetWidth;
      const height = box.offsetHeight;
      const gap = r + 6;
      const right = x + gap + width <= container.clientWidth - 4;
      const left = right ? x + gap : Math.max(4, x - gap - width);
      const top = Math.min(Math.max(4, y - height / 2), Math.max(4, container.clientHeight - height - 4));
      box.style.transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`;
    },
    hide() {
      box.hidden = true;
    },
    remove() {
      box.remove();
    },
  };
}
