import { describe, expect, test } from 'vitest';
import { subscriptionPack, yearlyContribution } from './contribution.ts';

describe('subscription pack: minimum 100, then pools of 50', () => {
  test.each([
    [0, 0],
    [1, 100],
    [99, 100],
    [100, 100],
    [101, 150],
    [130, 150],
    [150, 150],
    [151, 200],
    [1_234, 1_250],
  ])('%i probes in use → pack of %i', (probes, pack) => {
    expect(subscriptionPack(probes)).toBe(pack);
  });

  test.each([[-1], [1.5], [Number.NaN]])('%d probes is a programming error', (probes) => {
    expect(() => subscriptionPack(probes)).toThrow(RangeError);
  });

  test('terms are configurable', () => {
    expect(subscriptionPack(26, { minimumPack: 20, poolSize: 5, eurosPerProbe: 1 })).toBe(30);
  });
});

describe('yearly contribution', () => {
  test.each([
    [0, 1, 0, 0],
    [130, 1, 150, 150],
    [151, 1, 200, 200],
    [151, 1.2, 200, 240],
    [101, 0.35, 150, 52.5],
  ])('%i probes at %d €/probe → pack %i, %d €/year', (probes, rate, packSize, euros) => {
    expect(yearlyContribution(probes, rate)).toEqual({ packSize, eurosPerYear: euros });
  });

  test('defaults to 1 € per probe', () => {
    expect(yearlyContribution(101)).toEqual({ packSize: 150, eurosPerYear: 150 });
  });
});
