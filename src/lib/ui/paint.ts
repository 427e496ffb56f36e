/** Resolves after the browser has painted what is on screen now (or at once outside a browser). */
export function afterPaint(): Promise<void> {
	if (typeof requestAnimationFrame !== 'function') return Promise.resolve();
	return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/**
 * Resolves once the browser reports an element whose `elementtiming` starts with `prefix` as
 * painted, or after `cap` ms. `afterPaint` resolves when the page's thread has handed a frame
 * on, not when it is on screen: on two cores the frame's raster waited behind whatever the page
 * started next (AG Grid's creation, 0.2-0.6 s), and rows drawn at 530 ms reached the screen at
 * 1,300. Where Element Timing is missing, it falls back to `afterPaint`.
 */
export function elementPainted(prefix: string, cap: number): Promise<void> {
	if (typeof PerformanceObserver === 'undefined' || !PerformanceObserver.supportedEntryTypes?.includes('element')) return afterPaint();
	return new Promise((resolve) => {
		const observer = new PerformanceObserver((list) => {
			if (list.getEntries().some((e) => ((e as unknown as { identifier?: string }).identifier ?? '').startsWith(prefix))) done();
		});
		const timer = setTimeout(() => done(), cap);
		function done() {
			observer.disconnect();
			clearTimeout(timer);
			resolve();
		}
		observer.observe({ type: 'element', buffered: true });
	});
}
