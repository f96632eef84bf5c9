// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../../i18n/i18n-context.tsx';
import { FakeTransport } from '../../../live/fake-transport.ts';
import { LiveStoreProvider } from '../../../live/live-context.tsx';
import { deltaBatch, FIXTURE_ESTATE, wireSnapshot, probeStatus } from '../../../live/live-fixtures.ts';
import { LiveStore } from '../../../live/live-store.ts';
import { ProblemList } from './problem-list.tsx';
import { SitePanel } from './site-panel.tsx';

const EVIL = '<img src=x onerror=alert(1)>';

function liveStore() {
  const transport = new FakeTransport();
  const store = new LiveStore({ transport });
  store.start();
  transport.connect();
  const estate = {
    ...FIXTURE_ESTATE,
    equipment: FIXTURE_ESTATE.equipment.map((e) => (e.id === 'e-metz-cam' ? { ...e, name: EVIL } : e)),
    probes: FIXTURE_ESTATE.probes.map((p) => (p.id === 'p-metz-cam' ? { ...p, name: EVIL } : p)),
  };
  transport.emit('snapshot', wireSnapshot({ estate, statuses: [probeStatus('p-metz-cam', 'CRITICAL', 1_000, EVIL), probeStatus('p-metz-disk', 'OK')] }));
  return { store, transport };
}

afterEach(cleanup);

describe('SitePanel', () => {
  it('shows equipment and probes with state, output, last check and since', () => {
    const { store } = liveStore();
    render(
      <I18nProvider locale="fr" storage={undefined}>
        <LiveStoreProvider store={store}>
          <SitePanel siteId="s-metz-mairie" onClose={() => {}} />
        </LiveStoreProvider>
      </I18nProvider>,
    );
    expect(screen.getByRole('heading', { name: 'Mairie de Metz' })).toBeTruthy();
    expect(screen.getByText('SRV-MAIRIE')).toBeTruthy();
    expect(screen.getByText('Disque C:')).toBeTruthy();
    expect(screen.getAllByText('Critique')).toHaveLength(1);
    expect(screen.getAllByText('Dernier contrôle')).toHaveLength(2);
  });

  it('offers the history of the site and of each probe when the app composes it', () => {
    const { store } = liveStore();
    const historyAction = vi.fn((s: { kind: string; id: string; name: string }) => <button type="button">{`${s.kind}:${s.id}`}</button>);
    render(
      <I18nProvider locale="fr" storage={undefined}>
        <LiveStoreProvider store={store}>
          <SitePanel siteId="s-metz-mairie" onClose={() => {}} historyAction={historyAction} />
        </LiveStoreProvider>
      </I18nProvider>,
    );
    expect(screen.getByRole('button', { name: 'site:s-metz-mairie' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'probe:p-metz-cam' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'probe:p-metz-disk' })).toBeTruthy();
    expect(historyAction).toHaveBeenCalledWith({ kind: 'probe', id: 'p-metz-cam', name: EVIL }); // a name, rendered as text by the control
  });

  it('takes the focus and closes on Escape', async () => {
    const { store } = liveStore();
    const onClose = vi.fn();
    render(
      <I18nProvider locale="fr" storage={undefined}>
        <LiveStoreProvider store={store}>
          <SitePanel siteId="s-metz-mairie" onClose={onClose} />
        </LiveStoreProvider>
      </I18nProvider>,
    );
    const heading = screen.getByRole('heading', { name: 'Mairie de Metz' });
    expect(document.activeElement).toBe(heading);
    fireEvent.keyDown(heading, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('renders engine text containing markup as text, creating no element', () => {
    const { store } = liveStore();
    const alert = vi.spyOn(window, 'alert').mockImplementation(() => {});
    const { container } = render(
      <I18nProvider locale="fr" storage={undefined}>
        <LiveStoreProvider store={store}>
          <SitePanel siteId="s-metz-mairie" onClose={() => {}} />
          <ProblemList onSelectSite={() => {}} />
        </LiveStoreProvider>
      </I18nProvider>,
    );
    expect(container.querySelector('img')).toBeNull();
    // equipment name, probe name and output in the panel, probe name in the problem list
    expect(screen.getAllByText(EVIL)).toHaveLength(4);
    expect(alert).not.toHaveBeenCalled();
  });

  it('follows live changes of its probes', () => {
    const { store, transport } = liveStore();
    render(
      <I18nProvider locale="en" storage={undefined}>
        <LiveStoreProvider store={store}>
          <SitePanel siteId="s-metz-mairie" onClose={() => {}} />
        </LiveStoreProvider>
      </I18nProvider>,
    );
    expect(screen.queryByText('Warning')).toBeNull();
    transport.emit('deltas', deltaBatch(1, [probeStatus('p-metz-disk', 'WARNING', 2_000, 'DISK WARNING - 8% free')]));
    return screen.findByText('DISK WARNING - 8% free').then(() => expect(screen.getByText('Warning')).toBeTruthy());
  });

  it('starts with the failing probe, says the plugin sentence, hides perfdata behind "détails", and marks maintenance', () => {
    const { store, transport } = liveStore();
    transport.emit('deltas', deltaBatch(1, [probeStatus('p-metz-disk', 'WARNING', 2_000, 'DISK WARNING - 8% libre|/=26GB;51;57;0;60'), probeStatus('p-metz-cam', 'OK', 2_000, 'OK')]));
    const { container } = render(
      <I18nProvider locale="fr" storage={undefined}>
        <LiveStoreProvider store={store}>
          <SitePanel siteId="s-metz-mairie" onClose={() => {}} inMaintenance={(p) => p.id === 'p-metz-cam'} />
        </LiveStoreProvider>
      </I18nProvider>,
    );
    const order = [...container.querySelectorAll<HTMLElement>('li[data-probe-id]')].map((li) => li.dataset.probeId);
    expect(order[0]).toBe('p-metz-disk');
    expect(screen.getByText('DISK WARNING - 8% libre')).toBeTruthy();
    const details = screen.getByText('détails').closest('details')!;
    expect(details.open).toBe(false);
    expect(details.textContent).toContain('/=26GB;51;57;0;60');
    expect(screen.queryByText(/DISK WARNING - 8% libre\|/)).toBeNull();
    expect(screen.getByTestId('site-maintenance').textContent).toBe('Maintenance en cours sur 1 sonde de ce site');
    expect(screen.getByText('Maintenance en cours')).toBeTruthy();
  });
});
