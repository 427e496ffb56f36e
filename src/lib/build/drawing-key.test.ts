import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drawingFiles, drawingKey } from './drawing-key';

/** A small project tree: the files, by path from its root. */
function project(files: Record<string, string>): string {
	const root = mkdtempSync(join(tmpdir(), 'drawing-key-'));
	for (const [path, text] of Object.entries(files)) {
		mkdirSync(dirname(join(root, path)), { recursive: true });
		writeFileSync(join(root, path), text);
	}
	return root;
}

const TREE = {
	'src/lib/pages.ts': "import { columns } from '$lib/grid/columns';\nimport type { Big } from '$lib/state/big';\nimport {\n\tmoney,\n\ttype Cents\n} from './money';\nexport const pages = [columns, money];\n",
	'src/lib/grid/columns.ts': "export { format } from '../format';\nexport const columns = 1;\n",
	'src/lib/format.ts': 'export const format = 1;\n',
	'src/lib/money.ts': "import 'some-package';\nexport const money = 1;\n",
	'src/lib/state/big.ts': 'export interface Big { x: 1 }\n',
	'src/lib/pdf.ts': 'export const pdf = 1;\n',
	'src/routes/+layout.svelte': "<script>\n\timport '../app.css';\n\timport Nav from '$lib/Nav.svelte';\n\timport { app } from '$lib/app';\n</script>\n<Nav />\n",
	'src/lib/Nav.svelte': '<nav>Nav</nav>\n<style>nav { height: 40px; }</style>\n',
	'src/lib/app.ts': 'export const app = 1;\n',
	'src/app.css': "@import './theme.css';\nbody { margin: 0; }\n",
	'src/theme.css': ':root { --row: 28px; }\n',
	'package.json': JSON.stringify({ dependencies: { 'ag-grid-community': '36.2.0', papaparse: '5.7.1' } })
};
const ROOTS = [['src/lib/pages.ts'], ['src/routes/+layout.svelte']] as const;

describe('drawingFiles', () => {
	it('follows every import of the drawing code, and only components and styles from the layout', () => {
		const root = project(TREE);
		expect(drawingFiles(root, [...ROOTS[0]], [...ROOTS[1]])).toEqual([
			'src/app.css',
			'src/lib/Nav.svelte',
			'src/lib/format.ts',
			'src/lib/grid/columns.ts',
			'src/lib/money.ts',
			'src/lib/pages.ts',
			'src/routes/+layout.svelte',
			'src/theme.css'
		]);
	});

	it('covers what this project draws its kept first screens from, and not the rest of the app', () => {
		const files = drawingFiles(process.cwd());
		for (const f of ['src/lib/grid/record-columns.ts', 'src/lib/grid/setup.ts', 'src/lib/domain/money.ts', 'src/lib/grid/DataGrid.svelte', 'src/app.css', 'src/routes/lines/po-lines/+page.svelte', 'src/app.html']) expect(files).toContain(f);
		expect(files.filter((f) => /^src\/lib\/(io|reconcile)\//.test(f) || f.endsWith('.test.ts'))).toEqual([]);
	});
});

describe('drawingKey', () => {
	const keyAfter = (change: Record<string, string>) => drawingKey(project({ ...TREE, ...change }), [...ROOTS[0]], [...ROOTS[1]]);
	const base = keyAfter({});

	it('is the same for the same sources, wherever they are', () => {
		expect(base).toMatch(/^[0-9a-f]{16}$/);
		expect(keyAfter({})).toBe(base);
	});

	it('changes with a file the drawing depends on, however far down', () => {
		expect(keyAfter({ 'src/lib/format.ts': 'export const format = 2;\n' })).not.toBe(base);
		expect(keyAfter({ 'src/theme.css': ':root { --row: 30px; }\n' })).not.toBe(base);
		expect(keyAfter({ 'src/lib/Nav.svelte': '<nav>Nav</nav>\n<style>nav { height: 48px; }</style>\n' })).not.toBe(base);
	});

	it('changes with the version of AG Grid, and not of other packages', () => {
		expect(keyAfter({ 'package.json': JSON.stringify({ dependencies: { 'ag-grid-community': '36.3.0', papaparse: '5.7.1' } }) })).not.toBe(base);
		expect(keyAfter({ 'package.json': JSON.stringify({ dependencies: { 'ag-grid-community': '36.2.0', papaparse: '5.8.0' } }) })).toBe(base);
	});

	it('stays when only files the drawing does not depend on change', () => {
		expect(keyAfter({ 'src/lib/pdf.ts': 'export const pdf = 2;\n', 'src/lib/app.ts': 'export const app = 2;\n', 'src/lib/state/big.ts': 'export interface Big { x: 2 }\n' })).toBe(base);
	});
});
