// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFeatureHarness, makeIncident, smallEstate } from '../../../test/feature-harness.tsx';
import { parseWallOptions } from '../wall-options.ts';
import { WallScreen } from './wall-screen.tsx';

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2026, 2, 2, 9) });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const focusName = () => screen.getByRole('heading', { level: 2 }).textContent;

function advance(ms: number) {
  act(() => {
    vi.advanceTimersByTime(ms);
  });
}

describe('WallScreen', () => {
  it('rotates through the collectivités with open incidents, the critical ones first', () => {
    const h = createFeatureHarness();
    render(<WallScreen options={parseWallOptions('?rotate=20')} beep={() => {}} />, { wrapper: h.Wrapper });
    act(() =>
      h.snapshot(smallEstate(), [
        makeIncident({ id: 'i1', collectiviteId: 'c-thionville', severity: 'WARNING' }),
        makeIncident({ id: 'i2', collectiviteId: 'c-metz', severity: 'CRITICAL' }),
      ]),
    );
    expect(focusName()).toBe('Metz');
    expect(screen.getByTestId('wall-rotation').textContent).toBe('Collectivité 1 sur 2 avec incident');
    advance(19_000);
    expect(focusName()).toBe('Metz');
    act(() => h.heartbeat());
    advance(1_000);
    expect(focusName()).toBe('Thionville');
    expect(screen.getByTestId('wall-rotation').textContent).toBe('Collectivité 2 sur 2 avec incident');
    act(() => h.heartbeat());
    advance(20_000);
    expect(focusName()).toBe('Metz');

    // Metz resolves: the wall stays on what remains, without a jump back and forth.
    act(() => h.incidents([makeIncident({ id: 'i2', collectiviteId: 'c-metz', status: 'resolved', resolvedAt: Date.now() })]));
    expect(focusName()).toBe('Thionville');
    expect(screen.getByTestId('wall-rotation').textContent).toBe('Collectivité 1 sur 1 avec incident');

    act(() => h.incidents([makeIncident({ id: 'i1', collectiviteId: 'c-thionville', status: 'resolved', resolvedAt: Date.now() })]));
    expect(screen.getByText('Aucun incident en cours')).toBeTruthy();
    expect(screen.queryByTestId('wall-rotation')).toBeNull();
  });

  it('shows a stale banner when the data gets older than the threshold and clears it when fresh data arrives', () => {
    const h = createFeatureHarness();
    const { container } = render(<WallScreen options={parseWallOptions('?stale=30')} beep={() => {}} />, { wrapper: h.Wrapper });
    expect(screen.getByRole('status').textContent).toBe('Connexion au flux de supervision…');
    act(() => h.snapshot(smallEstate(), [makeIncident({ id: 'i1', collectiviteId: 'c-metz' })]));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(container.firstElementChild?.getAttribute('data-freshness')).toBe('live');

    advance(29_000);
    expect(screen.queryByRole('alert')).toBeNull();
    advance(3_000);
    const banner = screen.getByRole('alert');
    expect(banner.textContent).toContain('DONNÉES PÉRIMÉES');
    expect(banner.textContent).toContain('il y a 32 s');
    expect(container.firstElementChild?.getAttribute('data-freshness')).toBe('stale');

    act(() => h.heartbeat());
    expect(screen.queryByRole('alert')).toBeNull();

    // The stream drops: the wall says so at once and recovers by itself when it comes back.
    act(() => h.transport.disconnect());
    expect(screen.getByRole('alert').textContent).toContain('FLUX INTERROMPU');
    expect(screen.getByRole('alert').textContent).toContain('Reconnexion automatique');
    advance(60_000);
    expect(screen.getByRole('alert').textContent).toContain('il y a 1 min');
    act(() => h.snapshot(smallEstate(), [makeIncident({ id: 'i1', collectiviteId: 'c-metz' })]));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(container.firstElementChild?.getAttribute('data-freshness')).toBe('live');
  });

  it('says when the monitoring engine behind the gateway went silent', () => {
    const h = createFeatureHarness();
    render(<WallScreen options={parseWallOptions('')} beep={() => {}} />, { wrapper: h.Wrapper });
    act(() => h.snapshot(smallEstate()));
    act(() => h.heartbeat({ state: 'stale', source: 'simulator', since: Date.now() }));
    expect(screen.getByRole('alert').textContent).toContain('MOTEUR DE SUPERVISION MUET');
  });

  it('beeps once per new critical incident when sound is on, never for what was there at start', () => {
    const h = createFeatureHarness();
    const beep = vi.fn();
    render(<WallScreen options={parseWallOptions('?sound=1')} beep={beep} />, { wrapper: h.Wrapper });
    act(() => h.snapshot(smallEstate(), [makeIncident({ id: 'i1', collectiviteId: 'c-metz' })]));
    expect(beep).not.toHaveBeenCalled();
    act(() => h.incidents([makeIncident({ id: 'i2', collectiviteId: 'c-thionville', severity: 'WARNING' })]));
    expect(beep).not.toHaveBeenCalled();
    act(() => h.incidents([makeIncident({ id: 'i2', collectiviteId: 'c-thionville', severity: 'CRITICAL' })]));
    expect(beep).toHaveBeenCalledTimes(1);
    act(() => h.heartbeat());
    expect(beep).toHaveBeenCalledTimes(1);
  });

  it('stays silent by default', () => {
    const h = createFeatureHarness();
    const beep = vi.fn();
    render(<WallScreen options={parseWallOptions('')} beep={beep} />, { wrapper: h.Wrapper });
    act(() => h.snapshot(smallEstate()));
    act(() => h.incidents([makeIncident({ id: 'i9', collectiviteId: 'c-metz' })]));
    expect(beep).not.toHaveBeenCalled();
  });

  it('shows the failing probes of the collectivité on screen, engine text as text', () => {
    const h = createFeatureHarness();
    const estate = smallEstate();
    estate.probes[0]!.name = '<img src=x onerror=alert(1)>';
    render(<WallScreen options={parseWallOptions('')} beep={() => {}} />, { wrapper: h.Wrapper });
    act(() =>
      h.snapshot(
        estate,
        [makeIncident({ id: 'i1', collectiviteId: 'c-metz' })],
        [
          {
            probeId: estate.probes[0]!.id,
            state: 'CRITICAL',
            stateType: 'HARD',
            output: 'CRITICAL - <b>no route</b>',
            lastCheck: Date.now(),
            since: Date.now() - 600_000,
            acknowledged: false,
            inDowntime: false,
          },
        ],
      ),
    );
    expect(screen.getByText('1 site en anomalie · 1 sonde en défaut')).toBeTruthy();
    expect(screen.getByText(/<img src=x onerror=alert\(1\)>/)).toBeTruthy();
    expect(screen.getByText('CRITICAL - <b>no route</b>')).toBeTruthy();
    expect(document.querySelector('img, b')).toBeNull();
  });

  it('does not count a probe in declared maintenance as failing: it is shown as maintenance', () => {
    const h = createFeatureHarness();
    const estate = smallEstate();
    render(<WallScreen options={parseWallOptions('')} beep={() => {}} />, { wrapper: h.Wrapper });
    const at = Date.now();
    const status = (probeId: string, inDowntime: boolean) =>
      ({ probeId, state: 'CRITICAL', stateType: 'HARD', output: `down ${probeId}`, lastCheck: at, since: at, acknowledged: false, inDowntime }) as const;
    // c-metz: its internet probe failing, its disk probe CRITICAL but in planned maintenance.
    act(() => h.snapshot(estate, [makeIncident({ id: 'i1', collectiviteId: 'c-metz' })], [status(estate.probes[0]!.id, false), status(estate.probes[1]!.id, true)]));
    expect(screen.getByText('1 site en anomalie · 1 sonde en défaut')).toBeTruthy();
    expect(screen.getByText('1 sonde en maintenance')).toBeTruthy();
    expect(screen.queryByText(`down ${estate.probes[1]!.id}`)).toBeNull();

    // Only the maintenance one left: every site is green, the maintenance still said.
    act(() => h.snapshot(estate, [makeIncident({ id: 'i1', collectiviteId: 'c-metz' })], [status(estate.probes[1]!.id, true)]));
    expect(screen.getByText('Tous les sites sont au vert.')).toBeTruthy();
    expect(screen.getByText('1 sonde en maintenance')).toBeTruthy();
  });

  it("ages the failing probes on the gateway's clock, which may run ahead of the browser's", () => {
    const ahead = 2 * 3_600_000;
    const h = createFeatureHarness({ serverClock: () => Date.now() + ahead });
    const estate = smallEstate();
    render(<WallScreen options={parseWallOptions('')} beep={() => {}} />, { wrapper: h.Wrapper });
    const since = Date.now() + ahead - 600_000; // 10 minutes ago for the engine, the future for the browser
    const status = { probeId: estate.probes[0]!.id, state: 'CRITICAL', stateType: 'HARD', output: 'down', lastCheck: since, since, acknowledged: false, inDowntime: false } as const;
    act(() => h.snapshot(estate, [makeIncident({ id: 'i1', collectiviteId: 'c-metz' })], [status]));
    expect(screen.getByText('depuis 10 min')).toBeTruthy();
  });
});
