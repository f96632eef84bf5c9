import { useEffect, useRef, useState } from 'react';
import { rotationPosition, startRotation, stepRotation, updateRotation, type NewsKeys, type Rotation } from './rotation-queue.ts';

const NO_NEWS: NewsKeys = new Map();

/**
 * Cycles through `items` every `periodMs`, following the item, not an index: when the list changes
 * the screen stays where it is. News (rotation-queue.ts) jumps the queue; until the data has
 * arrived (`ready`) everything seen is the baseline, so opening the wall is not news.
 */
export function useRotation(
  items: readonly string[],
  periodMs: number,
  news: NewsKeys = NO_NEWS,
  ready = true,
): { current: string | undefined; position: number; highlight: string | undefined } {
  const [rotation, setRotation] = useState<Rotation>(() => startRotation(items, news));
  const readyRef = useRef(ready);
  useEffect(() => {
    const wasReady = readyRef.current;
    readyRef.current = ready;
    setRotation((r) => (ready && wasReady ? updateRotation(r, items, news) : { ...updateRotation(r, items, r.news), news }));
  }, [items, news, ready]);
  // News gets a full step on screen: the timer restarts when it jumps in.
  useEffect(() => {
    const timer = setInterval(() => setRotation(stepRotation), periodMs);
    return () => clearInterval(timer);
  }, [periodMs, rotation.highlight]);
  // The list may have changed in this very render (its effect has not run yet): show what the
  // rotation will settle on, so a first snapshot never flashes an empty screen.
  const current = rotation.current !== undefined && items.includes(rotation.current) ? rotation.current : items[0];
  return { current, position: rotationPosition({ ...rotation, order: items, current }), highlight: rotation.highlight };
}
