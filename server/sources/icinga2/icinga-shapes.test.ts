import { describe, expect, it } from 'vitest';
import { parseEventLine } from './icinga-shapes.ts';
import { recordedEventLines } from './recorded.test-kit.ts';

describe('parseEventLine', () => {
  it('parses every recorded event Vigie follows and ignores the others', () => {
    const results = recordedEventLines.map(parseEventLine);
    expect(results.filter((r) => 'error' in r)).toEqual([]);
    expect(results.filter((r) => 'ignored' in r).map((r) => ('ignored' in r ? r.ignored : ''))).toEqual(['CommentAdded', 'CommentAdded', 'CommentAdded']);
    const types = results.flatMap((r) => ('event' in r ? [r.event.type] : []));
    expect(types).toContain('StateChange');
    expect(types).toContain('AcknowledgementSet');
    expect(types).toContain('DowntimeTriggered');
  });

  it('keeps host events without a service key', () => {
    const line = recordedEventLines.find((l) => l.includes('"labo-sans-collectivite"') && l.includes('StateChange'))!;
    const r = parseEventLine(line);
    expect('event' in r && r.event.type === 'StateChange' && r.event.service).toBeUndefined();
  });

  it('reports lines that are not JSON or miss fields, without throwing', () => {
    expect(parseEventLine('{"type":"CheckResult"')).toHaveProperty('error');
    expect(parseEventLine('{"type":"CheckResult","host":"h","timestamp":1}')).toHaveProperty('error');
    expect(parseEventLine('null')).toEqual({ ignored: 'undefined' });
  });
});
