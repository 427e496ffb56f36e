import { defineConfig } from '@playwright/test';
import { testLaunch } from './tests/chromium.mjs';

const PORT = Number(process.env.PW_PORT ?? 4173);

export default defineConfig({
	testDir: 'tests/e2e',
	outputDir: 'test-results',
	// Generous waits: CI shares two cores, and a first page load there can take several seconds.
	timeout: 45_000,
	expect: { timeout: 10_000 },
	fullyParallel: false,
	// Three: the browser tests mostly wait (IndexedDB, timers, the preview server), so a third worker shortens CI on two cores.
	workers: 3,
	// One retry in CI, reported as "flaky" in the log: a red CI discards the whole change, and a
	// test that fails twice in a row still fails it.
	retries: process.env.CI ? 1 : 0,
	reporter: [['list']],
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		browserName: 'chromium',
		launchOptions: testLaunch,
		acceptDownloads: true,
		viewport: { width: 1440, height: 900 },
		trace: 'off',
		// Each test's fresh browser context would install the service worker and copy the whole build
		// into its cache: CPU the two cores need for the test itself. Offline and updates are
		// offline.spec.ts's, which allows it.
		serviceWorkers: 'block'
	},
	webServer: {
		// Always a fresh server on a fixed port: a stale preview serves 404 for new chunk names.
		command: `npx vite preview --port ${PORT} --strictPort --host 127.0.0.1`,
		url: `http://127.0.0.1:${PORT}`,
		reuseExistingServer: !process.env.CI,
		timeout: 60_000
	}
});
