/**
 * A Vite plugin that lists every file the client build writes under `_app/immutable/` in
 * `_app/built-files.json`, for the service worker to cache on install: SvelteKit's own list
 * (`$service-worker`'s `build`) misses the chunks that workers import. Node-only: used by
 * vite.config.ts, never by the app.
 */
import type { Plugin } from 'vite';
import { BUILT_FILES } from '../offline/cache-plan.ts';

export function builtFilesList(): Plugin {
	return {
		name: 'tieout-built-files',
		apply: 'build',
		generateBundle(_options, bundle) {
			// SvelteKit builds the server first, then the client; only the client's files reach the browser.
			if (this.environment?.name !== 'client') return;
			const files = Object.keys(bundle)
				.filter((name) => name.startsWith('_app/immutable/'))
				.sort();
			this.emitFile({ type: 'asset', fileName: BUILT_FILES, source: JSON.stringify(files) });
		}
	};
}
