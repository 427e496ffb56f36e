/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/// <reference types="@sveltejs/kit" />

// Tieout offline: every page, built file and static file of this build is cached on install, so
// each page opens with the network off, including pages never visited. A new build waits until
// the person reloads (src/lib/state/update-offer.svelte.ts asks it to take over). Registered by
// the app itself, in built apps only (svelte.config.js turns SvelteKit's registration off).
import { base, build, files, prerendered, version } from '$service-worker';
import { ACTIVE_KEY, BUILT_FILES, META_CACHE, answerFor, cacheName, cachesToDelete, isHashed, precachedPaths, shellPath, type Answer } from '$lib/offline/cache-plan';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = cacheName(version);
const list = { base, build, files, prerendered };
const precached = precachedPaths(list);

/** A redirected response cannot answer a navigation: kept as a plain one. */
async function storable(res: Response): Promise<Response> {
	if (!res.redirected) return res;
	return new Response(await res.blob(), { status: res.status, statusText: res.statusText, headers: res.headers });
}

async function fetchInto(cache: Cache, path: string): Promise<boolean> {
	const res = await fetch(new Request(path, { cache: isHashed(path, base) ? 'default' : 'no-cache' }));
	if (!res.ok) return false;
	await cache.put(path, await storable(res));
	return true;
}

/** The workers' chunks, which `build` leaves out (cache-plan.ts, BUILT_FILES). */
async function builtFiles(): Promise<string[]> {
	const res = await fetch(`${base}/${BUILT_FILES}`, { cache: 'no-cache' });
	if (!res.ok) throw new Error(`Tieout could not read the list of its files (HTTP ${res.status})`);
	return ((await res.json()) as string[]).map((f) => `${base}/${f}`);
}

async function precache(): Promise<void> {
	// Served later as `any-build` answers (cache-plan.ts): hashed, so whichever cache holds one holds the same file.
	const workerFiles = await builtFiles();
	const cache = await caches.open(CACHE);
	const shell = shellPath(base);
	const required = [...new Set([...precached, ...workerFiles])].filter((p) => p !== shell);
	// All or nothing: a build missing a file would open offline without it. A failed install is
	// tried again at the next update check.
	const stored = await Promise.allSettled(required.map((p) => fetchInto(cache, p)));
	const missing = required.filter((_, i) => {
		const r = stored[i];
		return !(r?.status === 'fulfilled' && r.value);
	});
	if (missing.length) {
		await caches.delete(CACHE);
		throw new Error(`Tieout could not keep ${missing.join(', ')} for offline use`);
	}
	// The static host's fallback page answers unknown paths; `vite preview` has none, and then an
	// unknown path opened offline gets the browser's offline page instead.
	await fetchInto(cache, shell).catch(() => false);
}

async function activate(): Promise<void> {
	const meta = await caches.open(META_CACHE);
	const previous = (await (await meta.match(ACTIVE_KEY))?.text()) ?? null;
	for (const name of cachesToDelete(await caches.keys(), version, previous === version ? null : previous)) await caches.delete(name);
	await meta.put(ACTIVE_KEY, new Response(version));
	// The first install: the page that installed the worker is served by it from now on, so it
	// opens offline after this one visit. After an update the open tabs move over by themselves.
	await sw.clients.claim();
}

/** This build's cache, opened once per worker start: every page load asks it a few dozen times. */
let thisBuild: Promise<Cache> | null = null;

async function respond(answer: NonNullable<Answer>, request: Request): Promise<Response> {
	const hit = answer.from === 'this-build' ? await (thisBuild ??= caches.open(CACHE)).then((c) => c.match(answer.key)) : await caches.match(answer.key);
	return hit ?? fetch(request);
}

sw.addEventListener('install', (event) => event.waitUntil(precache()));
sw.addEventListener('activate', (event) => event.waitUntil(activate()));

sw.addEventListener('fetch', (event) => {
	const answer = answerFor(event.request, location.origin, list, precached);
	if (answer) event.respondWith(respond(answer, event.request));
});

sw.addEventListener('message', (event) => {
	// From the Reload button of update-offer.svelte.ts: never on its own, so an update is never forced.
	if (event.data?.type === 'skip-waiting') void sw.skipWaiting();
	// Which build this worker serves: asked by the browser tests, handy when looking at a tab.
	if (event.data?.type === 'version') event.ports[0]?.postMessage(version);
});
