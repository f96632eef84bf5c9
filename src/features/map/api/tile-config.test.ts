// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { OSM_TILES, resolveTileConfig } from './tile-config.ts';

afterEach(() => document.head.querySelectorAll('meta').forEach((m) => m.remove()));

function addMeta(name: string, content: string) {
  const m = document.createElement('meta');
  m.name = name;
  m.content = content;
  document.head.append(m);
}

describe('resolveTileConfig', () => {
  it('defaults to OpenStreetMap with its attribution', () => {
    expect(resolveTileConfig({})).toEqual(OSM_TILES);
  });

  it('takes the build-time URL, or none', () => {
    expect(resolveTileConfig({ VITE_TILE_URL: 'https://tiles.example/{z}/{x}/{y}.png', VITE_TILE_ATTRIBUTION: '© Example' })).toEqual({
      url: 'https://tiles.example/{z}/{x}/{y}.png',
      attribution: '© Example',
    });
    expect(resolveTileConfig({ VITE_TILE_URL: 'none' })).toEqual({ url: null, attribution: '' });
  });

  it('prefers the runtime meta tags written by the gateway', () => {
    addMeta('vigie-tile-url', 'https://local.tiles/{z}/{x}/{y}.png');
    addMeta('vigie-tile-attribution', '© Local');
    expect(resolveTileConfig({ VITE_TILE_URL: 'https://tiles.example/{z}/{x}/{y}.png' })).toEqual({ url: 'https://local.tiles/{z}/{x}/{y}.png', attribution: '© Local' });
  });
});
