// Where a page's thread spent a measured span: a CPU profile from the DevTools protocol, as the
// functions with the most self time, one per line. Used by the benchmarks' BENCH_PROFILE mode.

/** Starts profiling `page`; the returned function stops and gives the `top` functions by self time. */
export async function startProfile(context, page) {
	const cdp = await context.newCDPSession(page);
	await cdp.send('Profiler.enable');
	await cdp.send('Profiler.start');
	return async (top = 25) => {
		const { profile } = await cdp.send('Profiler.stop');
		const self = new Map();
		const byId = new Map(profile.nodes.map((n) => [n.id, n]));
		profile.samples.forEach((id, i) => {
			const n = byId.get(id);
			const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
			self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
		});
		return [...self].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, v]) => `${v.toFixed(0).padStart(6)} ms  ${k}`).join('\n');
	};
}
