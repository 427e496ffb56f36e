// A plain static file server for the built site, as any static host would serve it: the
// benchmarks time the app, not vite preview's on-the-fly compression.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.png': 'image/png' };

export function serveBuild(root, port) {
	const server = createServer(async (req, res) => {
		const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
		const candidates = [join(root, path), join(root, `${path}.html`), join(root, path, 'index.html'), join(root, '200.html')];
		for (const file of candidates) {
			try {
				if (!(await stat(file)).isFile()) continue;
				const body = await readFile(file);
				const immutable = file.includes('/_app/immutable/');
				res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache' });
				res.end(body);
				return;
			} catch {
				/* try the next candidate */
			}
		}
		res.writeHead(404).end();
	});
	return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}
