import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { drawingKey } from './src/lib/build/drawing-key.ts';
import { builtFilesList } from './src/lib/build/built-files.ts';
import { previewShell } from './src/lib/build/preview-shell.ts';

/** Unit tests that set process.env.TZ, which only a process of their own can honour. */
const TIME_ZONE_TESTS = 'src/lib/domain/dates.test.ts';

export default defineConfig(({ command }) => {
	// Written into every page (src/app.html) for first-rows.js. Builds only: a dev server would keep
	// one key while its files change under it, so in dev nothing is drawn early.
	if (command === 'build') process.env.PUBLIC_TIEOUT_DRAWING = drawingKey(fileURLToPath(new URL('.', import.meta.url)));
	const { version } = JSON.parse(readFileSync(new URL('package.json', import.meta.url), 'utf8')) as { version: string };
	return {
		plugins: [sveltekit(), builtFilesList(), previewShell()],
		// Named in every backup file, and shown before a restore: which Tieout made the file.
		define: { __TIEOUT_VERSION__: JSON.stringify(version) },
		// Module workers: jsPDF's optional DOM helpers stay in their own chunks instead of being inlined into the PDF worker.
		worker: { format: 'es' },
		server: { port: 5173, strictPort: true },
		preview: { port: 4173, strictPort: true },
		test: {
			environment: 'node',
			setupFiles: ['src/test-setup.ts'],
			// Property tests run hundreds of cases; on the shared two-core CI machine 5 s is too tight.
			testTimeout: 30_000,
			// Worker threads start faster than child processes (140 s → 105 s for the whole suite), but a
			// thread cannot change the process's time zone: the tests that set TZ run in a process of their own.
			projects: [
				{ extends: true, test: { name: 'unit', include: ['src/**/*.test.ts'], exclude: [TIME_ZONE_TESTS], pool: 'threads' } },
				{ extends: true, test: { name: 'time zones', include: [TIME_ZONE_TESTS], pool: 'forks' } }
			]
		}
	};
});
