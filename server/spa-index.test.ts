import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeAttribute, renderSpaIndex, spaIndexFile } from './spa-index.ts';

const PAGE = '<!doctype html><html><head><meta charset="UTF-8" /><title>Vigie</title></head><body></body></html>';

describe('renderSpaIndex', () => {
  it('leaves index.html as built when TILE_URL is empty', () => {
    expect(renderSpaIndex(PAGE, { tileUrl: '', tileAttribution: '© X' })).toBe(PAGE);
    expect(renderSpaIndex(PAGE, { tileUrl: '   ', tileAttribution: '' })).toBe(PAGE);
  });

  it('writes the tile URL and attribution at the end of <head>', () => {
    const html = renderSpaIndex(PAGE, { tileUrl: ' https://tiles.example/{z}/{x}/{y}.png ', tileAttribution: '© Example' });
    expect(html).toBe(
      '<!doctype html><html><head><meta charset="UTF-8" /><title>Vigie</title>' +
        '<meta name="vigie-tile-url" content="https://tiles.example/{z}/{x}/{y}.png" />' +
        '<meta name="vigie-tile-attribution" content="© Example" /></head><body></body></html>',
    );
  });

  it('escapes operator input so it cannot leave the attribute', () => {
    const html = renderSpaIndex(PAGE, { tileUrl: 'https://t.example/?a=1&b="><script>alert(1)</script>', tileAttribution: "O'Map <b>" });
    expect(html).toContain('content="https://t.example/?a=1&amp;b=&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(html).toContain('content="O&#39;Map &lt;b&gt;"');
    expect(html).not.toContain('<script>');
  });

  it('places the tags after the doctype when the page has no </head>', () => {
    const html = renderSpaIndex('<!doctype html><title>Vigie</title>', { tileUrl: 'none', tileAttribution: '' });
    expect(html).toBe('<!doctype html><meta name="vigie-tile-url" content="none" /><meta name="vigie-tile-attribution" content="" /><title>Vigie</title>');
  });

  it.each([
    ['&', '&amp;'],
    ['"', '&quot;'],
    ["'", '&#39;'],
    ['<', '&lt;'],
    ['>', '&gt;'],
    ['{z}/{x}', '{z}/{x}'],
  ])('escapeAttribute(%j) = %j', (raw, escaped) => {
    expect(escapeAttribute(raw)).toBe(escaped);
  });
});

describe('spaIndexFile', () => {
  it('renders once, and again only when a rebuild replaced index.html (it names new hashed assets)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-spa-index-'));
    const path = join(dir, 'index.html');
    try {
      const settings = { tileUrl: 'none', tileAttribution: '' };
      const read = spaIndexFile(path, settings);
      expect(read()).toBeUndefined(); // not built yet
      writeFileSync(path, '<!doctype html><head><script src="/assets/a-1.js"></script></head>');
      const first = read();
      expect(first).toContain('/assets/a-1.js');
      expect(first).toContain('<meta name="vigie-tile-url" content="none" />');
      expect(read()).toBe(first);
      writeFileSync(path, '<!doctype html><head><script src="/assets/a-22.js"></script></head>');
      expect(read()).toContain('/assets/a-22.js');
      expect(read()).toContain('<meta name="vigie-tile-url" content="none" />');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
