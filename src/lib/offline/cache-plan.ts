/**
 * What the service worker (src/service-worker.ts) keeps and how it answers each request, as plain
 * functions of the request and the build's file lists, so they are tested without a worker.
 */

const APP_CACHE = 'tieout-app-';

/** Where one build's files and pages are kept: a new build never reads or overwrites an older one's. */
export const cacheName = (version: string): string => `${APP_CACHE}${version}`;

/** Holds the version activated last, so the next one knows which build the open tabs may still run. */
export const META_CACHE = 'tieout-meta';
export const ACTIVE_KEY = '/__tieout/active-version';

/**
 * The build caches to delete when `version` takes over from `previous` (the version active until
 * now, or null): a tab opened under `previous` keeps running it and may still load one of its
 * chunks (a page not yet opened, the PDF worker), so its cache stays until the next update.
 * Caches that are not Tieout's build caches are never touched.
 */
export function cachesToDelete(names: readonly string[], version: string, previous: string | null): string[] {
	const keep = new Set([cacheName(version), ...(previous ? [cacheName(previous)] : [])]);
	return names.filter((n) => n.startsWith(APP_CACHE) && !keep.has(n));
}

/** What one build lists: `$service-worker`'s `build` (hashed assets), `files` (static/), `prerendered` (pages). */
export interface Precache {
	base: string;
	build: readonly string[];
	files: readonly string[];
	prerendered: readonly string[];
}

/**
 * Every file the client build wrote under `_app/immutable/` (src/lib/build/built-files.ts), fetched
 * on install: `$service-worker`'s `build` leaves out the chunks a worker imports (jsPDF itself, for
 * the PDF worker), which a PDF made offline needs.
 */
export const BUILT_FILES = '_app/built-files.json';

/** The static host's fallback page (svelte.config.js: adapter-static's `fallback`). */
export const shellPath = (base: string): string => `${base}/200.html`;

/**
 * How a request is answered:
 * - `this-build`: from this build's cache, under `key` (a path: query strings are ignored);
 *   a navigation to a path that is not a page gets the app shell, whose router says "not found";
 * - `any-build`: a hashed asset this build does not list, asked for by a tab still running an
 *   older build: from whichever cache holds it;
 * - null: not ours (another origin, not GET, not precached): the network, untouched.
 * In every case a miss goes to the network.
 */
export type Answer = { from: 'this-build' | 'any-build'; key: string } | null;

export function answerFor(request: { method: string; mode: string; url: string }, origin: string, list: Precache, precached: ReadonlySet<string>): Answer {
	if (request.method !== 'GET') return null;
	const url = new URL(request.url);
	if (url.origin !== origin) return null;
	const path = url.pathname;
	if (precached.has(path)) return { from: 'this-build', key: path };
	if (request.mode === 'navigate') return { from: 'this-build', key: shellPath(list.base) };
	if (path.startsWith(`${list.base}/_app/immutable/`)) return { from: 'any-build', key: path };
	return null;
}

/**
 * The build's version as SvelteKit's client reads it after a failed navigation (a page not found):
 * kept with the build, it says "no newer build" offline instead of failing to load.
 */
export const versionFile = (base: string): string => `${base}/_app/version.json`;

/** Every path this build caches on install: every page, the shell, every built and every static file. */
export const precachedPaths = (list: Precache): Set<string> => new Set([...list.prerendered, shellPath(list.base), versionFile(list.base), ...list.build, ...list.files]);

/**
 * Pages and static files are fetched past the HTTP cache on install (they keep their URL from build
 * to build); hashed assets may come from it (a new build gives a changed file a new name).
 */
export const isHashed = (path: string, base: string): boolean => path.startsWith(`${base}/_app/immutable/`);
