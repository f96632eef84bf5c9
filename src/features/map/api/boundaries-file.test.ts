import { describe, expect, it } from 'vitest';
import { encodePolyline } from '../../../protocol/polyline.ts';
import { BOUNDARIES_FORMAT, decodeBoundaries, loadBoundaries } from './boundaries-file.ts';

const file = {
  format: BOUNDARIES_FORMAT,
  attribution: '© IGN — Admin Express COG 2018, Licence Ouverte',
  toleranceM: 20,
  outline: [encodePolyline([[6, 49], [7, 49], [7, 49.5], [6, 49]])],
  epciBorders: [],
  communeBorders: [encodePolyline([[6.1, 49.1], [6.2, 49.2]])],
  epcis: [['200039865', 'Metz Métropole', 49.11, 6.17]],
  communes: [['57463', 'Metz', 49.12, 6.18, 117_000]],
};

describe('decodeBoundaries', () => {
  it('turns the file into Leaflet [lat, lng] lines and ranked names', () => {
    const b = decodeBoundaries(file);
    expect(b.outline[0]).toEqual([[49, 6], [49, 7], [49.5, 7], [49, 6]]);
    expect(b.communeBorders[0]).toEqual([[49.1, 6.1], [49.2, 6.2]]);
    expect(b.communeNames).toEqual([{ name: 'Metz', lat: 49.12, lng: 6.18, rank: 117_000 }]);
    expect(b.epciNames[0]?.name).toBe('Metz Métropole');
  });

  it.each([
    ['another format', { ...file, format: 'something/2' }],
    ['a truncated line', { ...file, outline: ['_p~iF~ps|'] }],
    ['a name point off the globe', { ...file, communes: [['57463', 'Metz', 149, 6.18, 1]] }],
  ])('refuses %s', (_, bad) => expect(() => decodeBoundaries(bad)).toThrow());
});

describe('loadBoundaries', () => {
  it('fetches the file under the base URL', async () => {
    const urls: string[] = [];
    const fetcher = (async (url: string) => (urls.push(url), new Response(JSON.stringify(file)))) as unknown as typeof fetch;
    await expect(loadBoundaries('/vigie/', fetcher)).resolves.toMatchObject({ attribution: file.attribution });
    expect(urls).toEqual(['/vigie/map/moselle-boundaries.json']);
  });
  it('says which HTTP status it got instead of the file', async () => {
    const fetcher = (async () => new Response('nope', { status: 404 })) as unknown as typeof fetch;
    await expect(loadBoundaries('/', fetcher)).rejects.toThrow('HTTP 404');
  });
});
