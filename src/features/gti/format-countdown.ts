// A countdown reads best as a clock (h:mm:ss): it is the same in French and English and its width
// does not jump every second. The sign is shown by the surrounding words, not by a minus.
export function formatCountdown(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}
