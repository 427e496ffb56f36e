import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/** Libraries and globals the pure core (domain, reconcile) must never reach for. */
const FRAMEWORK_IMPORTS = [
	{ group: ['dexie', 'dexie/*', 'dexie-*'], message: 'The pure core does not touch storage: go through src/lib/db.' },
	{ group: ['svelte', 'svelte/*', '$app/*', '@sveltejs/*'], message: 'The pure core does not depend on Svelte.' },
	{ group: ['ag-grid-*', 'ag-grid-community/*'], message: 'The pure core does not depend on AG Grid.' },
	{ group: ['jspdf', 'jspdf-*'], message: 'The pure core does not draw PDFs.' },
	{ group: ['papaparse'], message: 'The pure core does not parse files.' },
	{ group: ['$lib/db/*', '$lib/grid/*', '$lib/io/*', '$lib/state/*', '$lib/ui/*', '**/db/*', '**/grid/*', '**/io/*', '**/state/*'], message: 'The pure core imports only the pure core.' }
];
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
		// The layering rule: domain and reconcile are pure TypeScript.
		files: ['src/lib/domain/**/*.ts', 'src/lib/reconcile/**/*.ts'],
		ignores: ['**/*.test.ts'],
		rules: {
			'no-restricted-imports': ['error', { patterns: FRAMEWORK_IMPORTS }],
			'no-restricted-globals': ['error', ...BROWSER_GLOBALS],
			'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Pass a clock in: the pure core never reads the time.' }],
			'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Pass an id generator in.' }, { object: 'Date', property: 'now', message: 'Pass a clock in.' }]
		}
	},
	{
		// Files in and out (CSV, PDF) turn bytes into domain records and back: they run in workers
		// and in Node tests, so they reach neither storage, nor state, nor the page.
		files: ['src/lib/io/**/*.ts'],
		ignores: ['**/*.test.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{ group: ['dexie', 'dexie/*', 'dexie-*'], message: 'Files in and out do not touch storage: the caller writes the records.' },
						{ group: ['svelte', 'svelte/*', '$app/*', '@sveltejs/*'], message: 'Files in and out do not depend on Svelte.' },
						{ group: ['ag-grid-*', 'ag-grid-community/*'], message: 'Files in and out do not depend on AG Grid.' },
						{ group: ['$lib/db/*', '$lib/grid/*', '$lib/state/*', '$lib/ui/*', '$lib/reconcile/*'], message: 'Files in and out import only the domain.' }
					]
				}
			]
		}
	},
	{
		ignores: ['build/', '.svelte-kit/', 'node_modules/', 'test-results/', 'playwright-report/', 'bench-results/']
	}
);
