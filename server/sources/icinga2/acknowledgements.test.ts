import { describe, expect, it } from 'vitest';
import type { ProbeStatus } from '../../../src/domain/model.ts';
import { acknowledgement, acknowledgementsFromComments, acknowledgementsMadeMeanwhile } from './acknowledgements.ts';

const T = 1_795_446_000; // Icinga clock, seconds
const comment = (host: string, service: string, author: string, text: string, at = T) => ({ attrs: { author, text, host_name: host, service_name: service, entry_type: 4, entry_time: at } });
const status = (probeId: string, acknowledged: boolean): ProbeStatus => ({ probeId, state: 'CRITICAL', stateType: 'HARD', output: '', lastCheck: null, since: 0, acknowledged, inDowntime: false });

describe('acknowledgement', () => {
  it.each([
    ['jdupont', 'vu', { by: 'jdupont', comment: 'vu' }],
    ['', '', { by: 'icinga' }],
    [undefined, undefined, { by: 'icinga' }],
  ])('author %j, comment %j', (author, text, expected) => {
    expect(acknowledgement('h!s', 42, author, text)).toEqual({ type: 'acknowledge', probeId: 'h!s', at: 42, ...expected });
  });
});

describe('acknowledgementsFromComments', () => {
  it('keys each comment by probe id (a host comment has no service), the last one winning', () => {
    const acks = acknowledgementsFromComments([comment('srv', '', 'alice', 'panne', T - 1), comment('cam', 'flux', 'bob', 'a', T - 2), comment('cam', 'flux', 'carol', 'b')]);
    expect([...acks.values()]).toEqual([
      { type: 'acknowledge', probeId: 'srv!', at: (T - 1) * 1000, by: 'alice', comment: 'panne' },
      { type: 'acknowledge', probeId: 'cam!flux', at: T * 1000, by: 'carol', comment: 'b' },
    ]);
  });

  it('skips results that are not acknowledgement comments', () => {
    expect(acknowledgementsFromComments([undefined, null, { attrs: { ...comment('srv', '', 'a', 'b').attrs, entry_type: 1 } }]).size).toBe(0);
  });
});

describe('acknowledgementsMadeMeanwhile', () => {
  const comments = [comment('a', 'x', 'alice', 'vu'), comment('b', 'x', 'bob', 'vu'), comment('c', 'x', 'carol', 'vu')];
  it('keeps probes acknowledged now that were known and not acknowledged before', () => {
    const now = new Map([['a!x', status('a!x', true)], ['b!x', status('b!x', true)], ['c!x', status('c!x', false)]]);
    const before = new Map([['a!x', status('a!x', false)], ['b!x', status('b!x', true)], ['c!x', status('c!x', false)]]);
    expect([...acknowledgementsMadeMeanwhile(comments, now, before).keys()]).toEqual(['a!x']);
    expect(acknowledgementsMadeMeanwhile(comments, now, new Map()).size).toBe(0); // new probes: nothing to compare with
  });
});
