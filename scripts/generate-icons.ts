// The installable app's icons, drawn from public/favicon.svg by the same Chromium the tests use
// (no image library needed): 192 and 512 px "any", 512 px "maskable" (the mark inside the 80 %
// safe zone on the app's background) and the 180 px Apple touch icon. Run: npm run generate:icons
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../e2e/browser.ts';

const ROOT = join(import.meta.dirname, '..');
const svg = readFileSync(join(ROOT, 'public', 'favicon.svg'), 'utf8');
const BACKGROUND = '#0f172a';

const ICONS = [
  { file: 'icon-192.png', size: 192, padding: 0 },
  { file: 'icon-512.png', size: 512, padding: 0 },
  { file: 'icon-maskable-512.png', size: 512, padding: 0.2 },
  { file: 'apple-touch-icon-180.png', size: 180, padding: 0.1 },
];

const browser = await launchChromium();
try {
  for (const { file, size, padding } of ICONS) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const inner = Math.round(size * (1 - 2 * padding));
    const background = padding > 0 ? BACKGROUND : 'transparent';
    await page.setContent(
      `<html><body style="margin:0;width:${size}px;height:${size}px;display:grid;place-items:center;background:${background}">` +
        `<div style="width:${inner}px;height:${inner}px">${svg.replace('<svg ', `<svg width="${inner}" height="${inner}" `)}</div></body></html>`,
    );
    writeFileSync(join(ROOT, 'public', 'icons', file), await page.screenshot({ omitBackground: padding === 0 }));
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(`icons written to public/icons/: ${ICONS.map((i) => i.file).join(', ')}`);
