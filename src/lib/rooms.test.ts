import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOMS } from '../../eslint.rooms.js';

// The one-way rooms are kept by the lint alone, so it is tested like code: wrong-way imports are
// planted in each room through ESLint's own API with the project's eslint.config.js, and must be
// refused, while the imports the README allows must pass.

const root = fileURLToPath(new URL('../..', import.meta.url));
const RULES = new Set(['no-restricted-imports', 'no-restricted-syntax']);
let eslint: ESLint;

beforeAll(() => {
	eslint = new ESLint({ cwd: root, overrideConfigFile: join(root, 'eslint.config.js') });
});

/** The 1-based lines of `code` (planted at `file`, relative to the repository) that the room rules refuse. */
async function refusedLines(file: string, code: string): Promise<number[]> {
	const [result] = await eslint.lintText(code, { filePath: join(root, file) });
	const fatal = result!.messages.filter((m) => m.fatal);
	if (fatal.length) throw new Error(`${file} did not parse: ${fatal[0]!.message}`);
	return [...new Set(result!.messages.filter((m) => RULES.has(m.ruleId ?? '')).map((m) => m.line))].sort((a, b) => a - b);
}

const refused = async (file: string, code: string) => (await refusedLines(file, code)).length > 0;
const importOf = (from: string) => `import { planted } from '${from}';\nexport const used = planted;\n`;

describe('a wrong-way import is refused', () => {
	// The two-way imports issue 23 found, and the pairs the layering most relies on.
	it.each([
		['src/lib/state/planted.ts', '$lib/grid/row-source'],
		['src/lib/state/planted.ts', '../grid/record-columns'],
		['src/lib/state/planted.ts', '$lib/ui/confirm.svelte'],
		['src/lib/state/planted.ts', '../ui/paint'],
		['src/lib/db/planted.ts', '$lib/state/app.svelte'],
		['src/lib/db/planted.ts', '../io/csv/parse'],
		['src/lib/io/csv/planted.ts', '../../db/database'],
		['src/lib/io/pdf/planted.ts', '$lib/state/documents'],
		['src/lib/reconcile/rules/planted.ts', '../../db/repository'],
		['src/lib/domain/planted.ts', '$lib/db/database'],
		['src/lib/domain/planted.ts', '../reconcile'],
		['src/lib/ui/planted.ts', '$lib/grid/DataGrid.svelte'],
		['src/lib/grid/planted.ts', '../../routes/+layout'],
		['src/lib/state/planted.ts', '$lib/testing/builders'],
		['src/routes/planted.ts', '$lib/testing/db'],
		['src/routes/lines/planted.ts', '../../lib/build/drawing-key'],
		['src/service-worker.ts', '$lib/state/app.svelte'],
		// The fast-start room sits on top: the rooms it draws and keeps its copies from never import it.
		['src/lib/state/planted.ts', '$lib/fast-start'],
		['src/lib/grid/planted.ts', '../fast-start/first-rows'],
		['src/lib/db/planted.ts', '$lib/fast-start/line-cache'],
		['src/lib/fast-start/planted.ts', '../../routes/+layout']
	])('%s importing %s', async (file, from) => {
		expect(await refused(file, importOf(from))).toBe(true);
	});

	it('also as a dynamic import() and a typeof import() type', async () => {
		expect(await refused('src/lib/state/planted.ts', "export const later = () => import('$lib/grid/setup');\n")).toBe(true);
		expect(await refused('src/lib/state/planted.ts', "export type Grid = typeof import('../grid/row-loading');\n")).toBe(true);
		expect(await refused('src/lib/state/planted.ts', "export const later = () => import('./row-order');\n")).toBe(false);
	});

	it('also as an export from, and an import of types only', async () => {
		expect(await refused('src/lib/state/planted.ts', "export { gridSlug } from '$lib/grid/first-screen';\n")).toBe(true);
		expect(await refused('src/lib/state/planted.ts', "import type { GridFindings } from '$lib/grid/finding-cells';\nexport type G = GridFindings;\n")).toBe(true);
	});

	it('also in a Svelte component', async () => {
		const component = (from: string) => `<script lang="ts">\n\timport { planted } from '${from}';\n</script>\n\n<p>{planted}</p>\n`;
		expect(await refused('src/lib/ui/ConfirmDialog.svelte', component('$lib/grid/view-state'))).toBe(true);
		expect(await refused('src/lib/ui/ConfirmDialog.svelte', component('$lib/state/confirm.svelte'))).toBe(false);
		expect(await refused('src/lib/grid/GridPreview.svelte', component('../../routes/+layout'))).toBe(true);
		// The first Svelte file starts TypeScript's project service over the whole app: 12 s alone on two cores.
	}, 120_000);

	it('in tests too, which may use only the test helpers beyond their room', async () => {
		expect(await refused('src/lib/state/planted.test.ts', importOf('$lib/testing/workbooks'))).toBe(false);
		expect(await refused('src/lib/state/planted.test.ts', importOf('$lib/grid/record-columns'))).toBe(true);
		expect(await refused('src/lib/domain/planted.test.ts', importOf('$lib/db/database'))).toBe(true);
	});
});

describe('the pages reach the fast-start room only through its entry point', () => {
	it.each([
		['$lib/fast-start', false],
		['$lib/fast-start/line-cache', true],
		['../../lib/fast-start/first-rows', true]
	])('src/routes/lines/planted.ts importing %s: refused %s', async (from, isRefused) => {
		expect(await refused('src/routes/lines/planted.ts', importOf(from))).toBe(isRefused);
	});

	it('also as a dynamic import()', async () => {
		expect(await refused('src/routes/planted.ts', "export const later = () => import('$lib/fast-start/line-snapshots');\n")).toBe(true);
		expect(await refused('src/routes/planted.ts', "export const later = () => import('$lib/fast-start');\n")).toBe(false);
	});
});

describe('a right-way import passes', () => {
	it.each([
		['src/lib/grid/planted.ts', '$lib/state/row-source'],
		['src/lib/grid/planted.ts', '../ui/paint'],
		['src/lib/ui/planted.ts', '$lib/state/confirm.svelte'],
		['src/lib/ui/import/planted.ts', '../../db/errors'],
		['src/lib/state/planted.ts', '$lib/db/repository'],
		['src/lib/state/planted.ts', '../io/pdf/pdf-client'],
		['src/lib/state/planted.ts', './row-order'],
		['src/lib/db/planted.ts', '$lib/domain/records'],
		['src/lib/reconcile/rules/planted.ts', '../../domain/money'],
		['src/lib/io/csv/planted.ts', '$lib/domain/dates'],
		['src/lib/domain/planted.ts', './money'],
		['src/lib/build/planted.ts', '../offline/cache-plan.ts'],
		['src/routes/planted.ts', '$lib/fast-start'],
		['src/routes/lines/planted.ts', '../../lib/fast-start'],
		['src/lib/fast-start/planted.ts', '$lib/grid/view-store'],
		['src/lib/fast-start/planted.ts', '../state/workbook.svelte'],
		['src/service-worker.ts', '$lib/offline/cache-plan']
	])('%s importing %s', async (file, from) => {
		expect(await refused(file, importOf(from))).toBe(false);
	});
});

describe('every pair of rooms, in both spellings, as eslint.rooms.js orders them', () => {
	const targets = [...Object.keys(ROOMS), 'routes'];
	it.each(Object.keys(ROOMS))('src/lib/%s imports only the rooms its row names', async (room) => {
		for (const spell of [(t: string) => `$lib/${t}/planted`, (t: string) => `../${t}/planted`]) {
			// One planted line per other room: line n imports targets[n - 1].
			const others = targets.filter((t) => t !== room);
			const code = others.map((t, i) => `import { planted${i} } from '${spell(t)}';`).join('\n') + `\nexport const used = [${others.map((_, i) => `planted${i}`).join(', ')}];\n`;
			const refusedRooms = (await refusedLines(`src/lib/${room}/planted.ts`, code)).map((line) => others[line - 1]);
			expect(refusedRooms.sort()).toEqual(others.filter((t) => !ROOMS[room]!.includes(t)).sort());
		}
	});
});
