// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { contractCalendarDto } from '../../../test/contract-calendar.ts';
import { coveredCalendarFrom } from '../calendar-hours.ts';
import { GtiCountdown } from './gti-countdown.tsx';

afterEach(cleanup);

const calendar = coveredCalendarFrom(contractCalendarDto(['2026-04-03', '2026-04-06']));

/** Europe/Paris wall clock in March 2026 (UTC+1, before the DST switch on the 29th). */
const paris = (day: number, hh: number, mm = 0) => Date.UTC(2026, 2, day, hh - 1, mm);
// Monday 2 March 2026, 9:00 → deadline 17:00 the same day.
const incident = { openedAt: paris(2, 9) };

function statusAt(now: number, inc: Parameters<typeof GtiCountdown>[0]['incident'] = incident) {
  render(<GtiCountdown incident={inc} calendar={calendar} now={now} />);
  const timer = screen.getByRole('timer');
  const text = timer.textContent ?? '';
  cleanup();
  return { status: timer.getAttribute('data-gti-status'), text };
}

describe('GtiCountdown', () => {
  it('goes on track → at risk → breached as the injected clock advances', () => {
    const onTrack = statusAt(paris(2, 10));
    expect(onTrack.status).toBe('on-track');
    expect(onTrack.text).toContain('Dans les temps');
    expect(onTrack.text).toContain('7:00:00 couvertes restantes');

    const atRisk = statusAt(paris(2, 15, 30));
    expect(atRisk.status).toBe('at-risk');
    expect(atRisk.text).toContain('À risque');
    expect(atRisk.text).toContain('1:30:00 couvertes restantes');

    const breached = statusAt(paris(2, 17, 10));
    expect(breached.status).toBe('breached');
    expect(breached.text).toContain('Dépassée');
    expect(breached.text).toContain('dépassée de 0:10:00 couvertes');
  });

  it('stops counting outside covered hours (evening and night cost nothing)', () => {
    // Opened Friday 6 March 16:00 → 1.5 h Friday, deadline Monday 9 March 15:30.
    const friday = { openedAt: paris(6, 16) };
    expect(statusAt(paris(7, 3), friday).text).toContain('6:30:00 couvertes restantes');
    expect(statusAt(paris(9, 14), friday).status).toBe('at-risk');
    expect(statusAt(paris(9, 14), friday).text).toMatch(/09\/03\/2026 15:30/);
  });

  it('is met once an intervention started before the deadline, whatever the time now', () => {
    const met = statusAt(paris(3, 12), { ...incident, interventionAt: paris(2, 16) });
    expect(met.status).toBe('met');
    expect(met.text).toContain('Respectée');
    expect(met.text).toContain('intervention à');
  });

  it('ignores an intervention that lies in the future of the injected clock', () => {
    expect(statusAt(paris(2, 10), { ...incident, interventionAt: paris(2, 16) }).status).toBe('on-track');
  });
});
