import { describe, expect, it } from 'vitest';
import type { SourceAction } from '../../../src/protocol/source.ts';
import { AcknowledgementReports, ECHO_MS } from './acknowledgement-reports.ts';

const ack = (by: string, probeId = 'cam!flux'): SourceAction => ({ type: 'acknowledge', probeId, at: 0, by });

function harness() {
  let now = 1_000;
  const reported: SourceAction[] = [];
  const reports = new AcknowledgementReports(() => now, (a) => reported.push(a));
  return { reports, reported, later: (ms: number) => (now += ms) };
}

describe('AcknowledgementReports', () => {
  it('reports an acknowledgement and remembers it until forgotten', () => {
    const { reports, reported } = harness();
    reports.emit(ack('alice'));
    expect(reported).toEqual([ack('alice')]);
    expect(reports.isReported('cam!flux')).toBe(true);
    reports.forget('cam!flux');
    expect(reports.isReported('cam!flux')).toBe(false);
  });

  it.each([
    ['the echo of a pushed acknowledgement, once', 'marie', 0, 1],
    ['an acknowledgement by someone else', 'alice', 0, 2],
    ['an echo that came back too late', 'marie', ECHO_MS + 1, 2],
  ])('swallows %s', (_case, by, delay, reportedCount) => {
    const { reports, reported, later } = harness();
    reports.expectEcho(ack('marie'));
    later(delay);
    reports.emit(ack(by));
    reports.emit(ack(by)); // a second one is never an echo
    expect(reported).toHaveLength(reportedCount);
  });

  it('reports the acknowledgement when the push was cancelled', () => {
    const { reports, reported } = harness();
    reports.expectEcho(ack('marie'));
    reports.cancelEcho('cam!flux');
    reports.emit(ack('marie'));
    expect(reported).toHaveLength(1);
  });

  it('after a snapshot, counts exactly the acknowledged probes as reported', () => {
    const { reports } = harness();
    reports.markReported('old!');
    reports.resetTo([{ probeId: 'a!', acknowledged: true }, { probeId: 'b!', acknowledged: false }]);
    expect(['old!', 'a!', 'b!'].map((id) => reports.isReported(id))).toEqual([false, true, false]);
  });
});
