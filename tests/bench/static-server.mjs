// A plain static file server for the built site, as any static host would serve it: the
// benchmarks time the app, not vite preview's on-the-fly compression.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

/** @type {Record<string, string>} */
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.png': 'image/png', '.webmanifest': 'application/manifest+json' };
const sha256 = (/** @type {string} */ text) => createHash('sha256').update(text).digest('base64');

/**
 * The page as build number `generation` would serve it: every hashed file under another URL, so the
 * browser has none of them cached or compiled, as after a new build that changed no file the
 * drawing depends on. The inline start-up script names them too, and the CSP allows it by its hash.
 */
/**
 * @param {string} html
 * @param {number} generation
 */
function asGeneration(html, generation) {
	const move = (/** @type {string} */ text) => text.replaceAll('_app/immutable/', `_app/immutable-g${generation}/`);
	let out = move(html);
	for (const [, script] of html.matchAll(/<script>([\s\S]*?)<\/script>/g)) out = out.replace(sha256(script ?? ''), sha256(move(script ?? '')));
	return out;
}

/**
 * `generation()`, when it gives a number, serves every page as that build would (asGeneration).
 * @param {string} root
 * @param {number} port
 * @param {() => number | null} generation
 * @returns {Promise<import('node:http').Server>}
 */
export function serveBuild(root, port, generation = () => null) {
	const server = createServer(async (req, res) => {
		const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname))
			.replace(/^(\.\.[/\\])+/, '')
			.replace(/\/_app\/immutable-g\d+\//, '/_app/immutable/');
		const candidates = [join(root, path), join(root, `${path}.html`), join(root, path, 'index.html'), join(root, '200.html')];
		for (const file of candidates) {
			try {
				if (!(await stat(file)).isFile()) continue;
				/** @type {Buffer | string} */
				let body = await readFile(file);
				const gen = generation();
				if (gen !== null && extname(file) === '.html') body = asGeneration(body.toString('utf8'), gen);
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
