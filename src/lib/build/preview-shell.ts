/**
 * A Vite plugin for `vite preview` (`npm start`, the browser tests): serves adapter-static's
 * fallback page, build/200.html, as a static host does. The preview serves SvelteKit's own output,
 * which lacks it, and the service worker keeps it to answer pages it does not know while offline.
 * Node-only: used by vite.config.ts, never by the app.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Plugin } from 'vite';

export function previewShell(pagesDir = 'build'): Plugin {
	return {
		name: 'tieout-preview-shell',
		configurePreviewServer(server) {
			server.middlewares.use((req, res, next) => {
				if (req.method !== 'GET' || new URL(req.url ?? '/', 'http://x').pathname !== '/200.html') return next();
				readFile(join(server.config.root, pagesDir, '200.html')).then(
					(html) => {
						res.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-cache' });
						res.end(html);
					},
					() => next()
				);
			});
		}
	};
}
