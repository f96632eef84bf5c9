// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Incident } from '../../../domain/model.ts';
import { IncidentTimelineChart } from './incident-timeline-chart.tsx';

afterEach(cleanup);

const H = 3_600_000;
const t0 = Date.UTC(2026, 2, 2, 8);

const incident: Incident = {
  id: 'i1',
  probeId: 'p1',
  siteId: 's1',
  collectiviteId: 'c1',
  status: 'resolved',
  severity: 'CRITICAL',
  openedAt: t0,
  acknowledgedAt: t0 + H,
  interventionAt: t0 + 2 * H,
  resolvedAt: t0 + 4 * H,
  version: 4,
  timeline: [
    { at: t0, kind: 'opened', state: 'CRITICAL' },
    { at: t0 + H, kind: 'acknowledged', by: 'alice', comment: 'vu' },
    { at: t0 + 2 * H, kind: 'intervention-started', by: 'alice' },
    { at: t0 + 4 * H, kind: 'resolved' },
  ],
};
const place = { collectivite: 'Metz', site: 'Mairie', equipment: 'Routeur', probe: 'Accès Internet' };

describe('IncidentTimelineChart', () => {
  it('draws opened → acknowledged → intervention → resolved to scale, with a text equivalent', () => {
    const { container } = render(
      <IncidentTimelineChart incidents={[incident]} placeOf={() => place} window={{ from: t0, to: t0 + 10 * H }} now={t0 + 5 * H} />,
    );
    const bars = [...container.querySelectorAll('[data-phase]')].map((el) => [el.getAttribute('data-phase'), el.getAttribute('x') ?? el.querySelector('rect')?.getAttribute('x'), el.getAttribute('width') ?? el.querySelector('rect')?.getAttribute('width')]);
    expect(bars).toEqual([
      ['open', '0', '100'],
      ['acknowledged', '100', '100'],
      ['intervention', '200', '200'],
      ['resolved', '400', '100'],
    ]);
    const text = screen.getByText(/Ouvert de/).textContent ?? '';
    expect(text).toContain('Acquitté de 02/03/2026 10:00:00 à 02/03/2026 11:00:00');
    expect(text).toContain('En intervention de');
    expect(text).toContain('Résolu de 02/03/2026 13:00:00 à …');
  });

  it('says when there is nothing to draw', () => {
    render(<IncidentTimelineChart incidents={[]} placeOf={() => place} window={{ from: t0, to: t0 + H }} now={t0} />);
    expect(screen.getByText('Aucun incident à dessiner sur la période.')).toBeTruthy();
  });
});
