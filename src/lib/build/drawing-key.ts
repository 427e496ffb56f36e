/**
 * The drawing key: a hash of every source file that decides how a kept first screen is drawn (the
 * cells' text, the columns, and where the grid sits on the page). A snapshot names the key it was
 * drawn under and first-rows.js draws it only under the same key, so a new build that leaves the
 * grids' drawing alone still gets its early rows, and one that changes it never shows the old look.
 *
 * Worked out at build time from the files, by following their imports: over-counting only costs a
 * new build its early drawing once, missing a file could draw an old look for a moment, so every
 * import that is not type-only is followed. Node-only: used by vite.config.ts, never by the app.
 */

import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * What the cells say and which columns there are, followed through every import; and AG Grid's
 * theme (grid/setup.ts, loaded on demand so no static import reaches it), whose row and header
 * heights and fonts the drawing must match.
 */
export const CONTENT_ROOTS = ['src/lib/fast-start/line-pages.ts', 'src/lib/fast-start/line-snapshots.ts', 'src/lib/fast-start/first-rows-source.ts', 'src/lib/fast-start/first-rows.ts', 'src/lib/grid/setup.ts'];

/** Packages whose version changes how a grid looks. */
const DRAWN_BY_PACKAGES = ['ag-grid-community'];

/**
 * Where the grid sits: the pages with a kept first screen and the layout around them, followed
 * only into components and style sheets (their scripts' other imports reach the whole app and do
 * not move the grid).
 */
export const LAYOUT_ROOTS = ['src/app.html', 'src/routes/+layout.svelte', 'src/routes/customers/+page.svelte', 'src/routes/lines'];

/** Bump when first-rows.js changes how it reads a snapshot's geometry. */
const VERSION = 'drawing-1';

const IMPORT = /^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s*)?['"]([^'"]+)['"]/gm;
const CSS_IMPORT = /@import\s+(?:url\()?['"]([^'"]+)['"]/g;

function resolveImport(root: string, from: string, spec: string): string | null {
	let base: string;
	if (spec.startsWith('$lib/')) base = join(root, 'src/lib', spec.slice(5));
	else if (spec.startsWith('./') || spec.startsWith('../')) base = resolve(dirname(from), spec);
	else return null; // a package or a SvelteKit module: not this project's drawing code
	for (const candidate of [base, `${base}.ts`, `${base}.js`, join(base, 'index.ts'), join(base, 'index.js')]) {
		if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
	}
	return null;
}

function filesUnder(path: string): string[] {
	if (!statSync(path).isDirectory()) return [path];
	return readdirSync(path)
		.sort()
		.flatMap((name) => filesUnder(join(path, name)));
}

/** Every file the drawing depends on, relative to `root`, sorted. */
export function drawingFiles(root: string, content = CONTENT_ROOTS, layout = LAYOUT_ROOTS): string[] {
	const seen = new Set<string>();
	const walk = (file: string, layoutOnly: boolean) => {
		if (seen.has(file) || file.endsWith('.test.ts')) return;
		seen.add(file);
		if (file.endsWith('.html')) return;
		const text = readFileSync(file, 'utf8');
		const specs = [...text.matchAll(file.endsWith('.css') ? CSS_IMPORT : IMPORT)].map((m) => m[1]!);
		for (const spec of specs) {
			const target = resolveImport(root, file, spec);
			if (!target) continue;
			if (layoutOnly && !/\.(svelte|css)$/.test(target)) continue;
			walk(target, layoutOnly);
		}
	};
	for (const r of content) walk(join(root, r), false);
	// Content first: a layout file also reached as content is then followed in full.
	for (const r of layout) for (const f of filesUnder(join(root, r))) walk(f, true);
	return [...seen].map((f) => relative(root, f).split('\\').join('/')).sort();
}

/** The key for the sources under `root`: 16 hex digits. */
export function drawingKey(root: string, content = CONTENT_ROOTS, layout = LAYOUT_ROOTS): string {
	const hash = createHash('sha256').update(VERSION);
	const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
	for (const name of DRAWN_BY_PACKAGES) hash.update(`\0${name}@${pkg.dependencies?.[name] ?? ''}`);
	for (const f of drawingFiles(root, content, layout)) hash.update(`\0${f}\0`).update(readFileSync(join(root, f)));
	return hash.digest('hex').slice(0, 16);
}
