// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { createFeatureHarness, smallEstate, type FakeRequest } from '../../../test/feature-harness.tsx';
import { ContributionSummary } from './contribution-summary.tsx';

afterEach(cleanup);

const NOW = Date.UTC(2026, 11, 3, 9, 30);

describe('ContributionSummary', () => {
  it('says the référent’s probes, pack and euros for the year in one sentence, with the way to the details', async () => {
    const route = ({ method, url }: FakeRequest) => (method === 'GET' && url.pathname === '/api/v1/contribution' ? { body: [{ collectiviteId: 'c-metz', probesInUse: 137, packSize: 150, eurosPerYear: 150 }] } : undefined);
    const h = createFeatureHarness({ role: 'referent', collectiviteId: 'c-metz', route, clock: () => NOW });
    render(<ContributionSummary collectiviteId="c-metz" details={<a href="/contribution">Détail</a>} />, { wrapper: h.Wrapper });
    act(() => h.snapshot(smallEstate()));
    expect(screen.getByRole('heading', { name: 'Votre contribution 2026' })).toBeTruthy();
    expect((await screen.findByTestId('contribution-summary')).textContent).toBe('137 sondes en service : pack de 150 sondes, soit 150,00\u00a0€ pour l’année.');
    expect(screen.getByRole('link', { name: 'Détail' })).toBeTruthy();
  });

  it('says when the contribution cannot be read, and tries again', async () => {
    let calls = 0;
    const route = ({ url }: FakeRequest) => (url.pathname === '/api/v1/contribution' ? (++calls === 1 ? { status: 503, body: { error: { code: 'unavailable', message: 'down' } } } : { body: [] }) : undefined);
    const h = createFeatureHarness({ role: 'referent', collectiviteId: 'c-metz', route, clock: () => NOW });
    render(<ContributionSummary collectiviteId="c-metz" details={null} />, { wrapper: h.Wrapper });
    act(() => h.snapshot(smallEstate()));
    await screen.findByText(/Contribution indisponible/, undefined, { timeout: 5_000 });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Réessayer' }));
    await screen.findByText('Aucune collectivité dans le périmètre.');
  });
});
