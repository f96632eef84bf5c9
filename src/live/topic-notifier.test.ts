import { describe, expect, it } from 'vitest';
import { fakeFrames } from './fake-frames.ts';
import { TopicNotifier } from './topic-notifier.ts';

type Topic = 'statuses' | 'incidents' | 'connection';

describe('TopicNotifier', () => {
  it('without frames, tells listeners at once, only for the topics they asked for', () => {
    const notifier = new TopicNotifier<Topic>();
    const calls: string[] = [];
    notifier.subscribe(() => calls.push('statuses'), ['statuses']);
    notifier.subscribe(() => calls.push('any'));
    notifier.subscribeNow(() => calls.push('now:incidents'), ['incidents']);
    notifier.notify(['statuses']);
    expect(calls).toEqual(['statuses', 'any']);
    notifier.notify(['incidents', 'connection']);
    expect(calls.slice(2)).toEqual(['now:incidents', 'any']);
  });

  it('moves versions at once, per topic, from 0', () => {
    const { frames } = fakeFrames();
    const notifier = new TopicNotifier<Topic>(frames);
    expect(notifier.version('statuses')).toBe(0);
    notifier.notify(['statuses']);
    notifier.notify(['statuses', 'incidents']);
    expect([notifier.version('statuses'), notifier.version('incidents'), notifier.version('connection')]).toEqual([2, 1, 0]);
  });

  it('with frames, coalesces any number of changes into one call per frame with the union of topics', () => {
    const { frames, tick, pending } = fakeFrames();
    const notifier = new TopicNotifier<Topic>(frames);
    const calls: string[] = [];
    notifier.subscribe(() => calls.push('statuses'), ['statuses']);
    notifier.subscribe(() => calls.push('incidents'), ['incidents']);
    notifier.subscribe(() => calls.push('connection'), ['connection']);
    notifier.subscribeNow(() => calls.push('now'), ['statuses']);
    for (let i = 0; i < 50; i++) notifier.notify(['statuses']);
    notifier.notify(['incidents']);
    expect(calls).toEqual(Array(50).fill('now'));
    expect(pending()).toBe(1);
    tick();
    expect(calls.slice(50)).toEqual(['statuses', 'incidents']);
    tick();
    expect(calls).toHaveLength(52);
    expect(pending()).toBe(0);
  });

  it('asks for its frame before the immediate listeners ask for theirs, so React renders before the map draws', () => {
    const { frames, tick } = fakeFrames();
    const notifier = new TopicNotifier<Topic>(frames);
    const calls: string[] = [];
    notifier.subscribe(() => calls.push('react'), ['statuses']);
    let drawFrame: number | undefined;
    notifier.subscribeNow(() => {
      drawFrame ??= frames.request(() => calls.push('draw'));
    }, ['statuses']);
    notifier.notify(['statuses']);
    notifier.notify(['statuses']);
    expect(calls).toEqual([]);
    tick();
    expect(calls).toEqual(['react', 'draw']);
  });

  it('flush delivers what is pending now and cancels the frame; nothing pending, nothing told', () => {
    const { frames, tick, pending } = fakeFrames();
    const notifier = new TopicNotifier<Topic>(frames);
    const calls: string[] = [];
    notifier.subscribe(() => calls.push('statuses'), ['statuses']);
    notifier.notify(['statuses']);
    notifier.flush();
    expect(calls).toEqual(['statuses']);
    expect(pending()).toBe(0);
    notifier.flush();
    tick();
    expect(calls).toEqual(['statuses']);
  });

  it('stops telling a listener once unsubscribed', () => {
    const notifier = new TopicNotifier<Topic>();
    const calls: string[] = [];
    const stopLater = notifier.subscribe(() => calls.push('later'));
    const stopNow = notifier.subscribeNow(() => calls.push('now'));
    notifier.notify(['statuses']);
    stopLater();
    stopNow();
    notifier.notify(['statuses']);
    expect(calls).toEqual(['now', 'later']);
  });
});
