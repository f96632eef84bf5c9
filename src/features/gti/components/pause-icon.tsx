// A pause sign drawn, not typed: U+23F8 is missing from the wall's fonts (it showed as a box).
export function PauseIcon({ className = 'inline-block h-[0.8em] w-[0.8em] align-[-0.05em]' }: { className?: string }) {
  return (
    <svg viewBox="0 0 10 10" aria-hidden="true" className={className} fill="currentColor">
      <rect x="1.5" y="1" width="2.5" height="8" />
      <rect x="6" y="1" width="2.5" height="8" />
    </svg>
  );
}
