import { useEffect } from 'react';

/** The wall's rem in CSS pixels for a viewport this wide (the same rule as the CSS below). */
export function wallRemPx(viewportWidth: number): number {
  return Math.max(16, viewportWidth / 96);
}

/**
 * Scales every rem on the page with the viewport width while the wall is shown: 20 px at 1920 px
 * wide, 40 px on a 4K screen, never under 16 px. The layout is the same at any size, only larger.
 */
export function useWallScale(): void {
  useEffect(() => {
    const root = document.documentElement;
    const previous = root.style.fontSize;
    root.style.fontSize = 'max(16px, calc(100vw / 96))';
    return () => {
      root.style.fontSize = previous;
    };
  }, []);
}
