import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import type { FirstRowsSnapshot } from './first-rows';

// static/first-rows.js in a bare page under Node, for the fast-start room's property test: the few
// DOM calls it makes, the page's localStorage, and IndexedDB watched for the end of its check.

const FIRST_ROWS_JS = new vm.Script(readFileSync(new URL('../../../static/first-rows.js', import.meta.url), 'utf8'), { filename: 'static/first-rows.js' });

class FakeElement {
	parent: FakeElement | null = null;
	children: FakeElement[] = [];
	attrs = new Map<string, string>();
	style: Record<string, string> = {};
	className = '';
	#text = '';
	constructor(readonly tag: string) {}
	set textContent(t: string) {
		this.#text = t;
	}
	get textContent(): string {
		return this.#text + this.children.map((c) => c.textContent).join('');
	}
	setAttribute(k: string, v: string) {
		this.attrs.set(k, String(v));
	}
	getAttribute(k: string) {
		return this.attrs.get(k) ?? null;
	}
	appendChild(c: FakeElement) {
		c.parent = this;
		this.children.push(c);
		return c;
	}
	remove() {
		if (this.parent) this.parent.children.splice(this.parent.children.indexOf(this), 1);
		this.parent = null;
	}
	get isConnected(): boolean {
		return this.tag === 'body' || !!this.parent?.isConnected;
	}
}

/** What the page needs from the test: its path and build, the shared localStorage, and the test's clock. */
export interface BarePage {
	path: string;
	drawing: string;
	/** The page's localStorage, whose kept first screens are read back by key (testing/memory-storage.ts). */
	storage: Storage & { readonly map: ReadonlyMap<string, string> };
	/** Lets IndexedDB and the script's own writes run on. */
	settle: () => Promise<void>;
	/** A frame, on the real clock (the test holds the page's timers). */
	frame: (fn: () => void) => void;
}

/**
 * Runs first-rows.js for `path` as a page of build `drawing` would, and resolves once its check
 * against IndexedDB is done (at once when it had nothing to check), with the drawings left on the
 * page, the snapshots they were drawn from, and whether it drew and withdrew.
 */
export async function runFirstRowsJs({ path, drawing, storage, settle, frame }: BarePage): Promise<{ left: FirstRowsSnapshot[]; drawn: boolean; withdrawn: boolean }> {
	const kept = new Map<string, FirstRowsSnapshot>();
	for (const [key, text] of storage.map) if (key.startsWith(`tieout:first-rows:${path}#`)) kept.set(key.slice(key.indexOf('#') + 1), JSON.parse(text) as FirstRowsSnapshot);
	const body = new FakeElement('body');
	const marks: string[] = [];
	let checking = false;
	let checked!: () => void;
	const done = new Promise<void>((r) => (checked = r));
	// IndexedDB as the page has it, telling the test when the script closes its connection (its check is done) or fails to open.
	const watched = {
		open(name: string) {
			checking = true;
			const req = indexedDB.open(name);
			return new Proxy(req, {
				get(t, k) {
					const v = Reflect.get(t, k, t) as unknown;
					if (k === 'result' && v) {
						const db = v as IDBDatabase;
						return new Proxy(db, {
							get: (d, p) => (p === 'close' ? () => (d.close(), queueMicrotask(checked)) : typeof Reflect.get(d, p, d) === 'function' ? (Reflect.get(d, p, d) as (...a: unknown[]) => unknown).bind(d) : Reflect.get(d, p, d)),
							set: (d, p, x) => Reflect.set(d, p, x, d)
						});
					}
					return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(t) : v;
				},
				set(t, k, x) {
					if (k === 'onerror') return Reflect.set(t, k, (e: Event) => ((x as (e: Event) => void)(e), queueMicrotask(checked)), t);
					return Reflect.set(t, k, x, t);
				}
			});
		}
	};
	const page = {
		document: {
			readyState: 'complete',
			body,
			createElement: (tag: string) => new FakeElement(tag),
			querySelector(selector: string) {
				if (selector === 'meta[name="tieout-drawing"]') return { getAttribute: () => drawing };
				if (selector.includes('[data-preview]')) return null; // the app has drawn nothing yet
				const slug = /^\[data-first-rows="(.*)"\]$/.exec(selector)?.[1];
				return body.children.find((c) => slug !== undefined && c.getAttribute('data-first-rows') === slug) ?? null;
			}
		},
		localStorage: storage,
		location: { pathname: path },
		indexedDB: watched,
		performance: { mark: (name: string) => void marks.push(name) },
		setTimeout: (fn: () => void, ms: number) => globalThis.setTimeout(fn, ms),
		requestAnimationFrame: frame,
		innerWidth: 1440,
		innerHeight: 900
	};
	const context = vm.createContext(page);
	(context as { window: unknown }).window = context;
	FIRST_ROWS_JS.runInContext(context);
	if (checking) await done;
	await settle();
	const left = body.children.map((c) => kept.get(c.getAttribute('data-first-rows') ?? '')!);
	return { left, drawn: marks.includes('tieout:first-rows-drawn'), withdrawn: marks.includes('tieout:first-rows-withdrawn') };
}
