import { useEffect, useRef, useState } from 'react';

/**
 * Cycles through `items` every `periodMs`. It follows the item, not an index: when the list changes
 * (an incident opens or resolves elsewhere) the screen stays where it is and moves on to whatever
 * comes next, instead of jumping.
 */
export function useRotation(items: readonly string[], periodMs: number): { current: string | undefined; position: number } {
  const [current, setCurrent] = useState<string | undefined>(items[0]);
  const latest = useRef(items);
  useEffect(() => {
    latest.current = items;
  }, [items]);
  useEffect(() => {
    const timer = setInterval(() => {
      setCurrent((shown) => {
        const list = latest.current;
        if (list.length === 0) return undefined;
        // An item no longer listed was displayed as the first one: move on from there.
        const at = Math.max(0, shown === undefined ? 0 : list.indexOf(shown));
        return list[(at + 1) % list.length];
      });
    }, periodMs);
    return () => clearInterval(timer);
  }, [periodMs]);
  const shown = current !== undefined && items.includes(current) ? current : items[0];
  return { current: shown, position: shown === undefined ? 0 : items.indexOf(shown) + 1 };
}
