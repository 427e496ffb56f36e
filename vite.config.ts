import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
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
