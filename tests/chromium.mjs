// Debian's Chromium, with the flags that keep it off the closed network: one definition for the
// browser tests (playwright.config.ts), the benchmarks and the screenshot tools.
export const chromiumLaunch = {
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
};
