// Injected into every bench page before its scripts (page.addInitScript): window.__vigieBench.
// The SPA built with VITE_VIGIE_BENCH=1 calls attach(store) when the map's frame driver starts
// and frame(store, changes) after each frame it draws (src/live/frame-driver.ts); the naive
// baseline page calls frame() after each React commit. Plain JS: it runs as is in the page.
(() => {
  const wall = () => performance.timeOrigin + performance.now();
  const s = {
    store: undefined,
    recording: false,
    rafs: [],
    longTasks: [],
    loafs: [],
    draws: 0,
    firstFullPaint: undefined,
    lastSeq: undefined,
    pending: [],
    latencies: [],
    expected: undefined,
    checked: 0,
    reflectedAt: undefined,
    framesSeen: 0,
  };

  const loop = (t) => {
    if (s.recording) s.rafs.push(t);
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);

  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) s.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    /* not supported */
  }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const scripts = (e.scripts || []).map((x) => ({
          duration: x.duration,
          invoker: x.invoker,
          source: `${x.sourceURL || ''}:${x.sourceFunctionName || ''}`,
          forcedStyleAndLayout: x.forcedStyleAndLayoutDuration,
        }));
        s.loafs.push({ start: e.startTime, duration: e.duration, blocking: e.blockingDuration, render: e.renderStart ? e.startTime + e.duration - e.renderStart : 0, styleAndLayout: e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0, scripts });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    /* not supported */
  }

  function onStatuses() {
    const store = s.store;
    const seq = store && store.stream ? store.stream.seq : undefined;
    if (seq === undefined || seq === s.lastSeq) return;
    s.lastSeq = seq;
    if (s.recording && store.lastLatencyMs !== undefined && store.lastMessageAt !== undefined) {
      s.pending.push({ seq, sourceAt: store.lastMessageAt - store.lastLatencyMs, recvAt: wall() });
    }
  }

  // Checked after every drawn frame: resumes at the first change not yet on screen (re-reading the
  // thousands already there at each frame was itself a long task), and reads them all again once
  // before saying the storm is reflected.
  const matches = (store, [id, state]) => {
    const status = store.status(id);
    return status !== undefined && status.state === state;
  };
  function check(store) {
    if (!s.expected || s.reflectedAt !== undefined) return;
    const list = s.expected;
    while (s.checked < list.length && matches(store, list[s.checked])) s.checked += 1;
    if (s.checked < list.length) return;
    const stale = list.findIndex((entry) => !matches(store, entry));
    if (stale !== -1) {
      s.checked = stale;
      return;
    }
    s.reflectedAt = wall();
  }

  window.__vigieBench = {
    attach(store) {
      s.store = store;
      // subscribeNow fires synchronously on each applied batch (socket receipt); subscribe is
      // coalesced to one call per animation frame since 35fa46e, which would shift recvAt to the frame.
      if (typeof store.subscribeNow === 'function') store.subscribeNow(onStatuses, ['statuses']);
      else if (typeof store.subscribe === 'function') store.subscribe(onStatuses, ['statuses']);
      if (store.index.sites.size > 0 && s.firstFullPaint === undefined) s.firstFullPaint = performance.now();
    },
    frame(store, changes) {
      s.store = store;
      s.draws += 1;
      const t = performance.now();
      if (changes && changes.reset && store.index.sites.size > 0 && s.firstFullPaint === undefined) s.firstFullPaint = t;
      if (s.pending.length) {
        const paintAt = performance.timeOrigin + t;
        for (const p of s.pending) s.latencies.push({ seq: p.seq, sourceAt: p.sourceAt, recvAt: p.recvAt, paintAt });
        s.pending = [];
      }
      check(store);
    },
    // ---- driven by the bench (page.evaluate) ----
    start() {
      s.rafs = [];
      s.longTasks = [];
      s.loafs = [];
      s.latencies = [];
      s.pending = [];
      s.draws = 0;
      s.recording = true;
    },
    stop() {
      s.recording = false;
    },
    arm(changes) {
      s.expected = [...new Map(changes)];
      s.checked = 0;
      s.reflectedAt = undefined;
      if (s.store) check(s.store);
    },
    status() {
      const store = s.store;
      return {
        attached: store !== undefined,
        sites: store ? store.index.sites.size : 0,
        incidents: store && store.incidents ? store.incidents.size : 0,
        seq: store && store.stream ? store.stream.seq : undefined,
        connection: store ? store.connection : undefined,
        firstFullPaint: s.firstFullPaint,
        reflectedAt: s.reflectedAt,
        draws: s.draws,
      };
    },
    results() {
      return { rafs: s.rafs, longTasks: s.longTasks, loafs: s.loafs, latencies: s.latencies, draws: s.draws, reflectedAt: s.reflectedAt, firstFullPaint: s.firstFullPaint, timeOrigin: performance.timeOrigin };
    },
    /** Compact copy of the store's statuses and site states, compared with the server's. */
    dump() {
      const store = s.store;
      const statuses = [];
      for (const st of store.statuses.values()) statuses.push([st.probeId, st.state, st.stateType, st.acknowledged ? 1 : 0, st.inDowntime ? 1 : 0, st.since]);
      const sites = [];
      for (const id of store.index.sites.keys()) sites.push([id, store.siteState(id)]);
      return { seq: store.stream ? store.stream.seq : undefined, statuses, sites };
    },
  };
})();
