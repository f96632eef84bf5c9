// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { contractCalendarDto } from '../../../test/contract-calendar.ts';
import { createFeatureHarness, makeIncident, smallEstate, type FakeRoute } from '../../../test/feature-harness.tsx';
import { GtiWatchBanner } from './gti-watch-banner.tsx';
import { OpenGtiPanel } from './open-gti-panel.tsx';

const calendar = contractCalendarDto();
const route: FakeRoute = ({ url }) =>
  url.pathname === '/api/v1/calendar'
    ? { body: calendar }
    : url.pathname === '/api/v1/gti'
      ? { body: { scope: 'all', from: 0, to: 1, compliance: url.searchParams.get('period') === 'month' ? 0.9 : null, met: 9, breached: 1, open: [] } }
      : undefined;

/** Paris wall clock on Monday 2 March 2026 (UTC+1). */
const paris = (hh: number, mm = 0) => Date.UTC(2026, 2, 2, hh - 1, mm);

beforeEach(() => {
  vi.useFakeTimers({ now: paris(14, 59), toFake: ['setInterval', 'clearInterval', 'Date'] });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('OpenGtiPanel', () => {
  it('counts down every second and turns at risk when less than 2 covered hours are left', async () => {
    const h = createFeatureHarness({ route });
    render(<OpenGtiPanel collectiviteId="c-metz" />, { wrapper: h.Wrapper });
    expect(screen.getByText('Chargement du calendrier des heures couvertes…')).toBeTruthy();
    // Opened at 9:00 → deadline 17:00; at 14:59 there are 2:01:00 covered hours left.
    act(() => h.snapshot(smallEstate(), [makeIncident({ id: 'i1', collectiviteId: 'c-metz', openedAt: paris(9) })]));
    await waitFor(() => expect(screen.getByRole('timer').textContent).toContain('2:01:00 couvertes restantes'));
    expect(screen.getByRole('timer').getAttribute('data-gti-status')).toBe('on-track');
    await waitFor(() => expect(screen.getByTestId('gti-compliance').textContent?.replace(/\s/g, ' ')).toBe('90,0 %'));
    expect(screen.getByText('9 respectées, 1 dépassée')).toBeTruthy();
    expect(screen.getByText('Aucune GTI échue sur la période.')).toBeTruthy();
    expect(h.requests.some((r) => r.url.pathname === '/api/v1/gti' && r.url.searchParams.get('collectiviteId') === 'c-metz')).toBe(true);

    act(() => void vi.advanceTimersByTime(1_000));
    expect(screen.getByRole('timer').textContent).toContain('2:00:59 couvertes restantes');
    act(() => void vi.advanceTimersByTime(60_000));
    expect(screen.getByRole('timer').getAttribute('data-gti-status')).toBe('at-risk');
    expect(screen.getByRole('timer').textContent).toContain('1:59:59 couvertes restantes');

    // The support cell starts the intervention: the clock stops and the GTI is met.
    act(() => h.incidents([makeIncident({ id: 'i1', collectiviteId: 'c-metz', openedAt: paris(9), status: 'in-progress', interventionAt: Date.now() })]));
    expect(screen.getByRole('timer').getAttribute('data-gti-status')).toBe('met');
    act(() => void vi.advanceTimersByTime(3 * 3_600_000));
    expect(screen.getByRole('timer').getAttribute('data-gti-status')).toBe('met');

    // Resolved: no longer an open GTI.
    act(() => h.incidents([makeIncident({ id: 'i1', collectiviteId: 'c-metz', openedAt: paris(9), status: 'resolved', resolvedAt: Date.now() })]));
    expect(screen.queryByRole('timer')).toBeNull();
    expect(screen.getByText('Aucun incident ouvert : aucune GTI en cours.')).toBeTruthy();
  });

  it("counts down on the gateway's clock, not the browser's (the simulator runs ahead, tablets drift)", async () => {
    // The browser says 14:59; the gateway says 15:59. Deadline 17:00 → 1:01:00 left, at risk.
    const h = createFeatureHarness({ route, serverClock: () => Date.now() + 3_600_000 });
    render(<OpenGtiPanel collectiviteId="c-metz" />, { wrapper: h.Wrapper });
    act(() => h.snapshot(smallEstate(), [makeIncident({ id: 'i1', collectiviteId: 'c-metz', openedAt: paris(9) })]));
    await waitFor(() => expect(screen.getByRole('timer').textContent).toContain('1:01:00 couvertes restantes'));
    expect(screen.getByRole('timer').getAttribute('data-gti-status')).toBe('at-risk');
    act(() => void vi.advanceTimersByTime(1_000));
    expect(screen.getByRole('timer').textContent).toContain('1:00:59 couvertes restantes');
  });

  it('says so when the calendar cannot be loaded', async () => {
    const h = createFeatureHarness({ route: () => ({ status: 500, body: { error: { code: 'internal', message: 'boom' } } }) });
    render(<OpenGtiPanel />, { wrapper: h.Wrapper });
    await waitFor(() => expect(screen.getAllByRole('alert')[0]!.textContent).toContain('Calendrier des heures couvertes indisponible'));
  });
});

describe('GtiWatchBanner', () => {
  it('lists breached and at-risk GTIs only, the breached first', async () => {
    const h = createFeatureHarness({ route });
    render(<GtiWatchBanner />, { wrapper: h.Wrapper });
    act(() =>
      h.snapshot(smallEstate(), [
        makeIncident({ id: 'fresh', collectiviteId: 'c-metz', openedAt: paris(14) }),
        // Friday 27 February 16:00 → 1.5 h on Friday, deadline Monday 15:30: 31 covered minutes left.
        makeIncident({ id: 'risky', collectiviteId: 'c-metz', openedAt: Date.UTC(2026, 1, 27, 15) }),
        makeIncident({ id: 'late', collectiviteId: 'c-thionville', openedAt: Date.UTC(2026, 1, 26, 8) }),
      ]),
    );
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(2));
    const [first, second] = screen.getAllByRole('listitem');
    expect(first!.getAttribute('data-gti-status')).toBe('breached');
    expect(first!.textContent).toContain('Thionville');
    expect(second!.getAttribute('data-gti-status')).toBe('at-risk');
    // In words (#17): "−0:31:00" next to "À risque" read as overdue.
    expect(second!.textContent).toContain('reste 0 h 31');
    expect(first!.textContent).toMatch(/dépassée de \d+ h \d\d/);
  });

  it('shows at most four GTIs, the most urgent, and says how many more there are', async () => {
    const h = createFeatureHarness({ route });
    render(<GtiWatchBanner />, { wrapper: h.Wrapper });
    // Six breached GTIs, opened one day apart: the oldest are the most overdue.
    const late = [1, 2, 3, 4, 5, 6].map((d) => makeIncident({ id: `late-${d}`, collectiviteId: 'c-metz', openedAt: Date.UTC(2026, 1, 20 - d, 8) }));
    act(() => h.snapshot(smallEstate(), late));
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(4));
    expect(screen.getByText('+ 2 autres')).toBeTruthy();
  });

  it("judges breaches on the gateway's clock", async () => {
    // Opened 9:00 → deadline 17:00. The browser says 14:59 (on track); the gateway says 17:01 (breached).
    const h = createFeatureHarness({ route, serverClock: () => Date.now() + 122 * 60_000 });
    render(<GtiWatchBanner />, { wrapper: h.Wrapper });
    act(() => h.snapshot(smallEstate(), [makeIncident({ id: 'i1', collectiviteId: 'c-metz', openedAt: paris(9) })]));
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(1));
    expect(screen.getByRole('listitem').getAttribute('data-gti-status')).toBe('breached');
  });
});
