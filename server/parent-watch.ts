// The gateway stops when the process that started it disappears (scripts/start.mjs or a test runner
// killed with SIGKILL): an orphaned gateway would keep the port and the data folder with nobody to
// stop it. Started by init, systemd or a container runtime (parent PID 0 or 1), there is nothing to watch.
export function onParentExit(stop: () => void, everyMs = 500): () => void {
  const parent = process.ppid;
  if (parent <= 1) return () => undefined;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    stop();
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
