/**
 * The rooms of src/lib and the rooms each may import (README, "Layout"). Imports run one way:
 *
 *   routes → fast-start → grid → ui → state → db / io → reconcile → domain
 *
 * so nothing in a lower room has to change when a higher one does, and a two-way import (state
 * importing grid while grid imports state) fails `npx eslint`. A room may skip rooms below it (a
 * dialog in ui may read db's wording of an error); rooms side by side (db and io) do not import
 * each other. Three stand aside: offline (the service worker's cache plan, pure) and build (Node
 * only, run by vite.config.ts) are never imported by the app, and testing (builders and databases
 * for tests) may import any room but only tests import it. fast-start (the copies that exist only
 * to draw the first screen fast) sits on top because it draws from the grids' columns and keeps its
 * copies from the workbook; what the rooms below need of it they declare themselves and the page
 * hands in (state/fast-start-hooks.ts, grid/first-screen.ts). The pages reach it through its one
 * entry point, `$lib/fast-start` (its index.ts), never a file inside it.
 *
 * eslint.config.js turns this table into rules; src/lib/rooms.test.ts plants a wrong-way import
 * for every pair and checks the rules catch it.
 */

/** @type {Record<string, readonly string[]>} */
export const ROOMS = {
	domain: [],
	reconcile: ['domain'],
	io: ['domain'],
	db: ['reconcile', 'domain'],
	state: ['db', 'io', 'reconcile', 'domain'],
	ui: ['state', 'db', 'io', 'reconcile', 'domain'],
	// The grid uses ui's small pieces (KeptText, downloads, paint timing); ui never draws a grid.
	grid: ['ui', 'state', 'db', 'io', 'reconcile', 'domain'],
	'fast-start': ['grid', 'ui', 'state', 'db', 'io', 'reconcile', 'domain'],
	offline: [],
	build: ['offline'],
	testing: ['fast-start', 'grid', 'ui', 'state', 'db', 'io', 'reconcile', 'domain']
};

/**
 * What sits outside src/lib and may import which rooms. Folders under tests/ are not ruled.
 * @type {Record<string, readonly string[]>}
 */
export const OUTSIDE = {
	'src/routes/**': ['fast-start', 'grid', 'ui', 'state', 'db', 'io', 'reconcile', 'domain'],
	'src/service-worker.ts': ['offline']
};

/**
 * What a room's tests (`x.test.ts` beside the code) may import beyond the room's own list: the
 * test helpers, and for io's tests reconcile, to check that imported records reconcile (io's own
 * code keeps to the domain, though reconcile is below io in the order).
 * @param {string} room
 */
export const testsMayAlso = (room) => (room === 'io' ? ['testing', 'reconcile'] : ['testing']);

/** Anything that is not src/lib/<room>: the pages, which no room may import either. */
const EVERY = [...Object.keys(ROOMS), 'routes'];

/**
 * An import path that reaches `room`: `$lib/room/…`, or `../room/…` from any depth (also
 * `../lib/room/…` from the pages). Written with \x2F for "/" so the same text serves as an
 * ESLint selector's regex, which may not contain a slash.
 */
/** @param {string} room */
const reaches = (room) => String.raw`^(\$lib\x2F|(\.\.\x2F)+(lib\x2F)?)${room}(\x2F|$)`;

/** @param {string} from @param {string} to @param {readonly string[]} allowed */
const why = (from, to, allowed) =>
	`${from} does not import ${to}: imports run routes → fast-start → grid → ui → state → db / io → reconcile → domain (README, Layout), and ${from} may import ${allowed.length ? allowed.join(', ') : 'no other room'}. Move what both need down to the room that owns it, or have the page pass it in.`;

/** Rooms the pages reach only through their entry point (`$lib/room`, its index.ts). */
export const ENTRY_ONLY = ['fast-start'];

/** @param {string} room A file inside `room`: `$lib/room/x` or `../room/x`, not `$lib/room` itself. */
const inside = (room) => String.raw`^(\$lib\x2F|(\.\.\x2F)+(lib\x2F)?)${room}\x2F.`;
const entryOnly = (/** @type {string} */ room) => `Import ${room} through its entry point, $lib/${room} (its index.ts): the app calls that one module, and the files inside it are the room's own.`;

/**
 * no-restricted-imports patterns and no-restricted-syntax entries (dynamic `import()` and
 * `typeof import()`, which no-restricted-imports does not see) for code in `from` allowed `allowed`.
 * @param {string} from
 * @param {readonly string[]} allowed
 */
export function roomRules(from, allowed) {
	const banned = EVERY.filter((room) => room !== from && !allowed.includes(room));
	// Only the pages are held to an entry point: the test helpers may build what they need from inside.
	const entries = from === 'routes' ? ENTRY_ONLY.filter((room) => allowed.includes(room)) : [];
	return {
		patterns: [...banned.map((room) => ({ regex: reaches(room), message: why(from, room, allowed) })), ...entries.map((room) => ({ regex: inside(room), message: entryOnly(room) }))],
		syntax: [
			...banned.map((room) => ({ selector: `:matches(ImportExpression, TSImportType)[source.value=/${reaches(room)}/]`, message: why(from, room, allowed) })),
			...entries.map((room) => ({ selector: `:matches(ImportExpression, TSImportType)[source.value=/${inside(room)}/]`, message: entryOnly(room) }))
		]
	};
}
