import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';
import { OUTSIDE, ROOMS, roomRules, testsMayAlso } from './eslint.rooms.js';

/** Libraries and globals the pure core (domain, reconcile) must never reach for. */
const FRAMEWORK_IMPORTS = [
	{ group: ['dexie', 'dexie/*', 'dexie-*'], message: 'The pure core does not touch storage: go through src/lib/db.' },
	{ group: ['svelte', 'svelte/*', '$app/*', '@sveltejs/*'], message: 'The pure core does not depend on Svelte.' },
	{ group: ['ag-grid-*', 'ag-grid-community/*'], message: 'The pure core does not depend on AG Grid.' },
	{ group: ['jspdf', 'jspdf-*'], message: 'The pure core does not draw PDFs.' },
	{ group: ['papaparse'], message: 'The pure core does not parse files.' }
];
/** Files in and out (CSV, PDF) run in workers and in Node tests: no storage, no Svelte, no grid. */
const IO_LIBRARIES = [
	{ group: ['dexie', 'dexie/*', 'dexie-*'], message: 'Files in and out do not touch storage: the caller writes the records.' },
	{ group: ['svelte', 'svelte/*', '$app/*', '@sveltejs/*'], message: 'Files in and out do not depend on Svelte.' },
	{ group: ['ag-grid-*', 'ag-grid-community/*'], message: 'Files in and out do not depend on AG Grid.' }
];
/** Libraries a room may not use, beside the rooms it may not import (eslint.rooms.js). */
const LIBRARIES = { domain: FRAMEWORK_IMPORTS, reconcile: FRAMEWORK_IMPORTS, io: IO_LIBRARIES };
const NO_CLOCK = { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Pass a clock in: the pure core never reads the time.' };

/**
 * The one-way rooms (eslint.rooms.js): a config per room for its code and one for its tests, which
 * may also use the test helpers. One object per file set, because a later object's
 * no-restricted-imports replaces an earlier one's instead of adding to it; the pure core's and
 * io's library bans ride along in the same object for that reason. The pure core's tests may use
 * the libraries (fake-indexeddb through the helpers) but not reach up.
 */
function roomConfigs() {
	const out = [];
	for (const [room, allowed] of Object.entries(ROOMS)) {
		for (const tests of [false, true]) {
			const rules = roomRules(room, tests ? [...allowed, ...testsMayAlso(room)] : allowed);
			const libraries = tests ? [] : (LIBRARIES[room] ?? []);
			const pure = !tests && (room === 'domain' || room === 'reconcile');
			out.push({
				files: tests ? [`src/lib/${room}/**/*.test.ts`] : [`src/lib/${room}/**`],
				ignores: tests ? [] : ['**/*.test.ts'],
				rules: {
					'no-restricted-imports': ['error', { patterns: [...libraries, ...rules.patterns] }],
					'no-restricted-syntax': ['error', ...(pure ? [NO_CLOCK] : []), ...rules.syntax]
				}
			});
		}
	}
	for (const [files, allowed] of Object.entries(OUTSIDE)) {
		const rules = roomRules(files.startsWith('src/routes') ? 'routes' : 'the service worker', allowed);
		out.push({ files: [files], rules: { 'no-restricted-imports': ['error', { patterns: rules.patterns }], 'no-restricted-syntax': ['error', ...rules.syntax] } });
	}
	return out;
}
const BROWSER_GLOBALS = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'fetch', 'location', 'alert', 'confirm', 'crypto', 'performance'].map((name) => ({
	name,
	message: 'The pure core is given its clock, ids and I/O by the caller.'
}));

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig }
		}
	},
	{
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			'no-eval': 'error',
			'no-implied-eval': 'error',
			'no-new-func': 'error',
			'svelte/no-at-html-tags': 'error'
		}
	},
	{
		// The state layer keeps big collections deliberately plain (100,000 rows must not become
		// proxies) and signals change through an explicit `version` rune instead.
		files: ['src/lib/state/**'],
		rules: { 'svelte/prefer-svelte-reactivity': 'off' }
	},
	{
		// domain and reconcile are pure TypeScript: given their clock, ids and I/O by the caller.
		// (Their imports, and every room's, are ruled by roomConfigs below.)
		files: ['src/lib/domain/**/*.ts', 'src/lib/reconcile/**/*.ts'],
		ignores: ['**/*.test.ts'],
		rules: {
			'no-restricted-globals': ['error', ...BROWSER_GLOBALS],
			'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Pass an id generator in.' }, { object: 'Date', property: 'now', message: 'Pass a clock in.' }]
		}
	},
	...roomConfigs(),
	{
		ignores: ['build/', '.svelte-kit/', 'node_modules/', 'test-results/', 'playwright-report/', 'bench-results/']
	}
);
