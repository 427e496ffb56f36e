/**
 * "about 40 s left" for a phase that has done `fraction` of its work since `startedMs`, or null
 * while the rate is not yet known (under a second in, or under 2% done): an early guess swings
 * wildly and would be read as a promise.
 */
export function timeLeft(startedMs: number, nowMs: number, fraction: number): string | null {
	const elapsed = nowMs - startedMs;
	if (elapsed < 1000 || fraction < 0.02 || fraction >= 1) return null;
	const left = (elapsed * (1 - fraction)) / fraction / 1000;
	if (left < 5) return 'a few seconds left';
	if (left < 60) return `about ${Math.round(left / 5) * 5} s left`;
	const minutes = Math.round(left / 60);
	return `about ${minutes} min left`;
}

/** "45%, about 30 s left" for a phase `fraction` done, or only the percentage while the rate is unknown. */
export function progressText(startedMs: number, nowMs: number, fraction: number): string {
	// Down, never up: 100% means done.
	const pct = `${Math.floor(fraction * 100)}%`;
	const left = timeLeft(startedMs, nowMs, fraction);
	return left ? `${pct}, ${left}` : pct;
}
