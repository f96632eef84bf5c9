// Shapes recorded from a real Icinga 2.13 (Debian 12) driven by the fixture configuration, so unit
// tests parse what the engine really sends rather than what we believe it sends.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(import.meta.dirname, 'fixture');

export const recordedEventLines: string[] = readFileSync(join(dir, 'recorded-events.ndjson'), 'utf8').split('\n').filter(Boolean);
export const recordedHosts: unknown[] = JSON.parse(readFileSync(join(dir, 'recorded-hosts.json'), 'utf8')).results;
export const recordedServices: unknown[] = JSON.parse(readFileSync(join(dir, 'recorded-services.json'), 'utf8')).results;
