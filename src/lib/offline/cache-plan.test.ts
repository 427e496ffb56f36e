import { describe, expect, it } from 'vitest';
import { answerFor, cacheName, cachesToDelete, precachedPaths, shellPath } from './cache-plan';

const list = {
	base: '',
	build: ['/_app/immutable/entry/app.abc.js', '/_app/immutable/assets/0.def.css'],
	files: ['/favicon.svg', '/first-rows.js', '/manifest.webmanifest'],
	prerendered: ['/', '/customers', '/lines/po-lines']
};
const precached = precachedPaths(list);
const origin = 'https://tieout.example';
const get = (path: string, mode = 'no-cors') => answerFor({ method: 'GET', mode, url: `${origin}${path}` }, origin, list, precached);

describe('how the service worker answers a request', () => {
	it('answers every page, typed or reloaded, from this build, ignoring the query string', () => {
		expect(get('/customers', 'navigate')).toEqual({ from: 'this-build', key: '/customers' });
		expect(get('/lines/po-lines?focus=3#x', 'navigate')).toEqual({ from: 'this-build', key: '/lines/po-lines' });
		expect(get('/', 'navigate')).toEqual({ from: 'this-build', key: '/' });
	});

	it('gives an unknown page the app shell, whose router says it is not found', () => {
		expect(get('/no-such-page', 'navigate')).toEqual({ from: 'this-build', key: '/200.html' });
		// A trailing slash is another path: the prerendered page's relative links would point below it.
		expect(get('/customers/', 'navigate')).toEqual({ from: 'this-build', key: '/200.html' });
	});

	it('answers built and static files from this build', () => {
		expect(get('/_app/immutable/entry/app.abc.js')).toEqual({ from: 'this-build', key: '/_app/immutable/entry/app.abc.js' });
		expect(get('/first-rows.js?v=1')).toEqual({ from: 'this-build', key: '/first-rows.js' });
		expect(get('/_app/version.json')).toEqual({ from: 'this-build', key: '/_app/version.json' });
	});

	it("answers a hashed file this build does not list from any build's cache: a tab on the old build may still need it", () => {
		expect(get('/_app/immutable/chunks/old.123.js')).toEqual({ from: 'any-build', key: '/_app/immutable/chunks/old.123.js' });
	});

	it('leaves everything else to the network, untouched', () => {
		expect(get('/service-worker.js')).toBeNull();
		expect(get('/some/api')).toBeNull();
		expect(answerFor({ method: 'POST', mode: 'navigate', url: `${origin}/customers` }, origin, list, precached)).toBeNull();
		expect(answerFor({ method: 'GET', mode: 'navigate', url: 'https://elsewhere.example/customers' }, origin, list, precached)).toBeNull();
	});

	it('keeps paths under a base path', () => {
		const under = { ...list, base: '/app', build: ['/app/_app/immutable/x.js'], prerendered: ['/app/', '/app/customers'] };
		const all = precachedPaths(under);
		expect(all.has(shellPath('/app'))).toBe(true);
		expect(answerFor({ method: 'GET', mode: 'navigate', url: `${origin}/app/nope` }, origin, under, all)).toEqual({ from: 'this-build', key: '/app/200.html' });
		expect(answerFor({ method: 'GET', mode: 'cors', url: `${origin}/app/_app/immutable/old.js` }, origin, under, all)).toEqual({ from: 'any-build', key: '/app/_app/immutable/old.js' });
	});
});

describe('which caches a new build deletes', () => {
	const names = [cacheName('1'), cacheName('2'), cacheName('3'), 'tieout-meta', 'someone-else'];

	it('keeps its own and the build the open tabs ran until now, and deletes older builds', () => {
		expect(cachesToDelete(names, '3', '2')).toEqual([cacheName('1')]);
	});

	it('deletes a build that was installed but never took over', () => {
		// 2 waited and was replaced by 3 before anyone reloaded: the tabs still run 1.
		expect(cachesToDelete(names, '3', '1')).toEqual([cacheName('2')]);
	});

	it('on a first install keeps only its own, and never touches caches that are not build caches', () => {
		expect(cachesToDelete(names, '3', null)).toEqual([cacheName('1'), cacheName('2')]);
	});
});
