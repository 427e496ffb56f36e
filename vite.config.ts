import { readFileSync } from 'node:fs';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { builtFilesList } from './src/lib/build/built-files.ts';
import { previewShell } from './src/lib/build/preview-shell.ts';

const { version } = JSON.parse(readFileSync(new URL('package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
	plugins: [sveltekit(), builtFilesList(), previewShell()],
	// Named in every backup file, and shown before a restore: which Tieout made the file.
	define: { __TIEOUT_VERSION__: JSON.stringify(version) },
	// Module workers: jsPDF's optional DOM helpers stay in their own chunks instead of being inlined into the PDF worker.
	worker: { format: 'es' },
	server: { port: 5173, strictPort: true },
	preview: { port: 4173, strictPort: true },
	test: {
		include: ['src/**/*.test.ts'],
		environment: 'node',
		setupFiles: ['src/test-setup.ts'],
		// Property tests run hundreds of cases; on the shared two-core CI machine 5 s is too tight.
		testTimeout: 30_000
	}
});
