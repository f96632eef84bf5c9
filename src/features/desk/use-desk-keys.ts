// The desk's keyboard shortcuts, on the whole page: "/" search, "?" help, j/k move, x select,
// a acknowledge, i intervention, Esc close. Letters are ignored while typing in a field; Esc is not.
import { useEffect, useRef } from 'react';

export interface DeskKeyHandlers {
  search(): void;
  help(): void;
  move(delta: 1 | -1): void;
  select(): void;
  acknowledge(): void;
  intervention(): void;
  escape(): void;
}

const NOT_TYPING_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset']);

function isTyping(target: HTMLElement | null): boolean {
  if (!target) return false;
  if (target instanceof HTMLInputElement) return !NOT_TYPING_INPUTS.has(target.type);
  return target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable;
}

export function deskKey(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>, typing: boolean, h: DeskKeyHandlers): boolean {
  if (event.key === 'Escape') {
    h.escape();
    return true;
  }
  if (typing || event.ctrlKey || event.metaKey || event.altKey) return false;
  const action: Record<string, () => void> = {
    '/': h.search,
    '?': h.help,
    j: () => h.move(1),
    k: () => h.move(-1),
    x: h.select,
    a: h.acknowledge,
    i: h.intervention,
  };
  const run = action[event.key];
  if (!run) return false;
  run();
  return true;
}

/** Listen on the document while mounted; the latest handlers are used without re-subscribing. */
export function useDeskKeys(handlers: DeskKeyHandlers): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (deskKey(event, isTyping(event.target as HTMLElement | null), latest.current)) event.preventDefault();
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
