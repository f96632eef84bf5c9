import { describe, expect, it } from 'vitest';
import type { Recipient } from '../../domain/alarm-model.ts';
import { ALL_COLLECTIVITES, newRecipientId, recipientsOf } from './recipient-scope.ts';

const r = (id: string, audience: Recipient['audience'], collectiviteId?: string): Recipient => ({ id, audience, ...(collectiviteId && { collectiviteId }), name: id, language: 'fr', rules: { events: {}, smsWindow: 'always' }, enabled: true });

describe('recipientsOf', () => {
  const all = [r('zsupport', 'support'), r('metz-noc', 'support', 'metz'), r('ref-metz', 'referent', 'metz'), r('ref-thionville', 'referent', 'thionville')];
  it('lists a collectivité’s référents, its own support numbers, then support for all', () => {
    expect(recipientsOf(all, 'metz').map((x) => x.id)).toEqual(['ref-metz', 'metz-noc', 'zsupport']);
    expect(recipientsOf(all, 'thionville').map((x) => x.id)).toEqual(['ref-thionville', 'zsupport']);
  });
  it('the every-collectivité scope lists support-wide recipients only', () => {
    expect(recipientsOf(all, ALL_COLLECTIVITES).map((x) => x.id)).toEqual(['zsupport']);
  });
});

describe('newRecipientId', () => {
  it('makes an id of the API’s shape from any name', () => {
    expect(newRecipientId('Astreinte Réseau (nuit)', 'Mx9k2')).toBe('astreinte-reseau-nuit-mx9k2');
    expect(newRecipientId('日本', 'a1')).toBe('destinataire-a1');
    expect(newRecipientId('x'.repeat(100), 'abc')).toMatch(/^[a-z0-9][a-z0-9._-]{0,63}$/);
  });
});
