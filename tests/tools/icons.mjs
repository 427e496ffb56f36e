// Draws the app's PNG icons (static/icons/) from static/favicon.svg in Chromium, for the web
// manifest (static/manifest.webmanifest) and the apple-touch-icon (src/app.html). The PNGs are
// committed; run this again after the favicon changes:  node tests/tools/icons.mjs
import { chromium } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { chromiumLaunch } from '../chromium.mjs';

const favicon = readFileSync('static/favicon.svg', 'utf8');
// Full bleed, no rounded corners: the platform cuts its own shape (a maskable icon's safe zone is
// the centre circle of 80%; the tick reaches 37% from the centre), and iOS fills transparency black.
const fullBleed = favicon.replace(/ rx="[^"]*"/, '');
if (fullBleed === favicon) throw new Error('static/favicon.svg changed shape: update the full-bleed variant in tests/tools/icons.mjs');

const icons = [
	{ file: 'icon-192.png', size: 192, svg: favicon },
	{ file: 'icon-512.png', size: 512, svg: favicon },
	{ file: 'icon-maskable-512.png', size: 512, svg: fullBleed },
	{ file: 'apple-touch-icon.png', size: 180, svg: fullBleed }
];

mkdirSync('static/icons', { recursive: true });
const browser = await chromium.launch(chromiumLaunch);
try {
	const page = await browser.newPage();
	for (const { file, size, svg } of icons) {
		await page.setViewportSize({ width: size, height: size });
		const sized = svg.replace('<svg ', `<svg width="${size}" height="${size}" `);
		await page.setContent(`<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block}</style>${sized}`);
		await page.screenshot({ path: `static/icons/${file}`, omitBackground: true });
		console.log(`static/icons/${file} (${size}×${size})`);
	}
} finally {
	await browser.close();
}
