import { describe, expect, it } from 'vitest';
import { pluginPerfdata, pluginSentence } from './plugin-output.ts';

describe('plugin output', () => {
  it.each([
    ['DISK WARNING - free space: / 4 GB (7%)|/=26GB;51;57;0;60', 'DISK WARNING - free space: / 4 GB (7%)', '/=26GB;51;57;0;60'],
    ['PING CRITICAL - Packet loss = 100%|rta=0.00ms;100;500;0 pl=100%;20;60;0', 'PING CRITICAL - Packet loss = 100%', 'rta=0.00ms;100;500;0 pl=100%;20;60;0'],
    ['CAMERA CRITICAL - offline', 'CAMERA CRITICAL - offline', ''],
    ['  spaced out | a=1 ', 'spaced out', 'a=1'],
    ['|only=1', '', 'only=1'],
    ['', '', ''],
  ])('%j', (output, sentence, perfdata) => {
    expect(pluginSentence(output)).toBe(sentence);
    expect(pluginPerfdata(output)).toBe(perfdata);
  });
});
