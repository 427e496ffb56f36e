/**
 * Keys down right now in this page. A question asked from a key's own press (Enter committing a
 * grid cell) opens only once that key is up: Chromium delivers the rest of the press to the
 * dialog's focused button, which answered the question before anyone saw it.
 */
const held = new Set<string>();
let waiting: (() => void)[] = [];

/** A key whose release never arrives (the window lost focus mid-press) must not hold a dialog back. */
const LONGEST_WAIT_MS = 1500;

function released(): void {
	if (held.size) return;
	const ready = waiting;
	waiting = [];
	for (const go of ready) go();
}

if (typeof window !== 'undefined') {
	window.addEventListener('keydown', (e: KeyboardEvent) => held.add(e.code || e.key), true);
	window.addEventListener(
		'keyup',
		(e: KeyboardEvent) => {
			held.delete(e.code || e.key);
			released();
		},
		true
	);
	window.addEventListener('blur', () => {
		held.clear();
		released();
	});
}

/** Resolves once no key is down (at once when none is). */
export function keysReleased(): Promise<void> {
	if (!held.size) return Promise.resolve();
	return new Promise((resolve) => {
		const timer = setTimeout(() => {
			held.clear();
			released();
		}, LONGEST_WAIT_MS);
		waiting.push(() => {
			clearTimeout(timer);
			resolve();
		});
	});
}
