// @vitest-environment jsdom
// Render budget of the dashboard's live panels (as the map's is tested in frame-driver.test.ts): a
// storm of batches within one frame costs each panel one render, and the DOM stays bounded.
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { Profiler } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Incident, ProbeStatus } from '../domain/model.ts';
import { OPEN_GTI_ROWS, OpenGtiPanel } from '../features/gti/components/open-gti-panel.tsx';
import { MAX_PROBLEM_ROWS, ProblemList } from '../features/map/components/problem-list.tsx';
import { contractCalendarDto } from '../test/contract-calendar.ts';
import { fakeFrames } from '../live/fake-frames.ts';
import { createFeatureHarness, makeIncident, type EstateFixture, type FakeRoute } from '../test/feature-harness.tsx';

const calendar = contractCalendarDto();
const route: FakeRoute = ({ url }) =>
  url.pathname === '/api/v1/calendar'
    ? { body: calendar }
    : url.pathname === '/api/v1/gti'
      ? { body: { scope: 'all', from: 0, to: 1, compliance: null, met: 0, breached: 0, open: [] } }
      : undefined;

/** Paris wall clock on Monday 2 March 2026 (UTC+1). */
const paris = (hh: number, mm = 0) => Date.UTC(2026, 2, 2, hh - 1, mm);
const PROBES = 10_000;
const BATCHES = 20;

/** 100 collectivités × 5 sites × 20 probes. */
function stormEstate(): EstateFixture {
  const estate: EstateFixture = { collectivites: [], sites: [], equipment: [], probes: [] };
  for (let c = 0; c < 100; c++) {
    estate.collectivites.push({ id: `c${c}`, insee: String(57000 + c), name: `Commune ${c}`, lat: 49, lng: 6 });
    for (let s = 0; s < 5; s++) {
      const siteId = `s${c}-${s}`;
      estate.sites.push({ id: siteId, collectiviteId: `c${c}`, name: `Site ${c}-${s}`, kind: 'mairie', lat: 49, lng: 6 });
      estate.equipment.push({ id: `e${siteId}`, siteId, name: 'Routeur', kind: 'router' });
      for (let p = 0; p < 20; p++) estate.probes.push({ id: `p${estate.probes.length}`, equipmentId: `e${siteId}`, name: `Sonde ${estate.probes.length}`, kind: 'internet', interval: 60 });
    }
  }
  return estate;
}

beforeEach(() => {
  vi.useFakeTimers({ now: paris(14, 59), toFake: ['setInterval', 'clearInterval', 'Date'] });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('live panels render budget', () => {
  it('renders the problem list once and the GTI panel once more (deferred) for 10,000 incidents in 20 batches within a frame, with bounded rows', async () => {
    const { frames, tick } = fakeFrames();
    const h = createFeatureHarness({ route, frames });
    const renders = { problems: 0, gti: 0 };
    render(
      <>
        <Profiler id="problems" onRender={() => (renders.problems += 1)}>
          <ProblemList onSelectSite={() => {}} />
        </Profiler>
        <Profiler id="gti" onRender={() => (renders.gti += 1)}>
          <OpenGtiPanel />
        </Profiler>
      </>,
      { wrapper: h.Wrapper },
    );
    const estate = stormEstate();
    act(() => h.snapshot(estate));
    act(tick);
    await waitFor(() => expect(screen.getByText('Aucun incident ouvert : aucune GTI en cours.')).toBeTruthy());

    const perBatch = PROBES / BATCHES;
    const renderedBefore = { ...renders };
    act(() => {
      for (let b = 0; b < BATCHES; b++) {
        const changes: ProbeStatus[] = [];
        const incidents: Incident[] = [];
        for (let i = b * perBatch; i < (b + 1) * perBatch; i++) {
          const probe = estate.probes[i]!;
          const siteId = probe.equipmentId.slice(1);
          const collectiviteId = siteId.slice(1).split('-')[0]!;
          const openedAt = paris(14) - i * 60_000; // the last probe's incident is the oldest: most overdue
          changes.push({ probeId: probe.id, state: 'CRITICAL', stateType: 'HARD', output: 'down', lastCheck: openedAt, since: openedAt, acknowledged: false, inDowntime: false });
          incidents.push(makeIncident({ id: `i${i}`, collectiviteId: `c${collectiviteId}`, siteId, probeId: probe.id, openedAt }));
        }
        h.transport.emit('deltas', { stream: 'all', epoch: 'e1', seq: h.nextSeq(), at: Date.now(), changes });
        h.incidents(incidents);
      }
    });
    // Applied at once, shown at the next frame.
    expect(h.store.contractErrorCount).toBe(0);
    expect(h.store.incidents.size).toBe(PROBES);
    expect(renders).toEqual(renderedBefore);

    // The problem ranking walks every probe in trouble: once for the frame, not once per read.
    const walks = vi.spyOn(h.store, 'troubledStatuses');
    act(tick);
    expect(renders.problems - renderedBefore.problems).toBe(1);
    // The GTI panel ranks in a deferred render (useDeferredValue): one urgent render keeping the
    // previous ranking, then one interruptible render with the storm's.
    expect(renders.gti - renderedBefore.gti).toBe(2);
    expect(walks).toHaveBeenCalledTimes(1);

    const problems = screen.getByRole('region', { name: /Problèmes en cours/ });
    expect(problems.querySelectorAll('li')).toHaveLength(MAX_PROBLEM_ROWS);
    expect(problems.textContent).toContain(`(${PROBES})`);
    expect(problems.textContent).toContain(`+ ${PROBES - MAX_PROBLEM_ROWS} autres`);
    // Oldest problem first.
    expect(problems.querySelector('li')!.textContent).toContain(`Sonde ${PROBES - 1}`);

    const timers = screen.getAllByRole('timer');
    expect(timers).toHaveLength(OPEN_GTI_ROWS);
    expect(timers[0]!.getAttribute('data-gti-status')).toBe('breached');
    expect(timers[0]!.closest('li')!.textContent).toContain(`Sonde ${PROBES - 1}`);
    expect(screen.getByTestId('gti-more').textContent).toBe(`+ ${PROBES - OPEN_GTI_ROWS} autres, moins urgentes`);
  }, 30_000);
});
