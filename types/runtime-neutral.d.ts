// The globals the runtime-free core (tsconfig.core.json) may use: the ones a browser tab and Node
// both provide, with the narrow signatures the core needs. Anything else — setImmediate, process,
// Buffer, node:* modules, the DOM — does not exist for it, so a Node-only or browser-only call in
// the core fails `npm run typecheck` (as setImmediate once broke the offline demo's reports).

declare function setTimeout(callback: () => void, ms?: number): unknown;
declare function clearTimeout(handle: unknown): void;
declare function setInterval(callback: () => void, ms?: number): unknown;
declare function clearInterval(handle: unknown): void;
declare function queueMicrotask(callback: () => void): void;
declare function structuredClone<T>(value: T): T;

// `var`, not `const`: these are properties of globalThis (the core reads globalThis.crypto).
/* eslint-disable no-var */
declare var performance: { now(): number };
declare var crypto: { randomUUID(): string; getRandomValues<T extends Uint8Array>(array: T): T };
/* eslint-enable no-var */
