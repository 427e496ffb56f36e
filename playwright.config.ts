import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.PW_PORT ?? 4173);
/** Debian's Chromium, with the flags that keep it off the closed network (see docs in README). */
export const chromiumLaunch = {
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: [
		'--headless',
		'--no-sandbox',
		'--disable-gpu',
		'--disable-quic',
		'--no-first-run',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync'
	]
};

export default defineConfig({
	testDir: 'tests/e2e',
	outputDir: 'test-results',
	timeout: 30_000,
	expect: { timeout: 5_000 },
	fullyParallel: false,
	workers: 2,
	retries: 0,
	reporter: [['list']],
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		browserName: 'chromium',
		launchOptions: chromiumLaunch,
		acceptDownloads: true,
		viewport: { width: 1440, height: 900 },
		trace: 'off'
	},
	webServer: {
		// Always a fresh server on a fixed port: a stale preview serves 404 for new chunk names.
		command: `npx vite preview --port ${PORT} --strictPort --host 127.0.0.1`,
		url: `http://127.0.0.1:${PORT}`,
		reuseExistingServer: !process.env.CI,
		timeout: 60_000
	}
});
