// One callback per animation frame, injectable: the browser's requestAnimationFrame in the app, a
// hand-ticked queue in tests.
export interface FrameScheduler {
  request(callback: () => void): number;
  cancel(handle: number): void;
}

export const animationFrames: FrameScheduler = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle),
};
