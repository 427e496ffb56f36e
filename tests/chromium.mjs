// Debian's Chromium, with the flags that keep it off the closed network.
const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The browser a person runs: the benchmarks and the screenshot tools, whose figures and pictures stand for it. */
export const chromiumLaunch = { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args };

/**
 * The browser tests' Chromium: Debian's chromium-headless-shell, the same build and Blink without
 * the full browser around it, as Playwright itself runs headless tests. Four of the longest specs
 * took 118 s in it against 219 s in the full browser, on two cores the tests keep busy.
 */
export const testLaunch = { executablePath: process.env.CHROMIUM_TEST_PATH ?? '/usr/bin/chromium-headless-shell', args };
