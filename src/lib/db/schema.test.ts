import { describe, expect, it } from 'vitest';
import { VERSIONS } from './schema';
import { MIGRATIONS, type StoredKind } from './migrations';
import { FULL_SHAPES, fieldPaths } from './shapes';
import { BACKUP_FORMATS } from './backup-format';
import { frozenFiles } from '$lib/testing/upgrades';

const FIXTURES = 'tests/fixtures/db';
const latest = VERSIONS[VERSIONS.length - 1]!.version;

/**
 * A released schema version is frozen: browsers out there hold data at it. Each released
 * version has fixtures written when it shipped (its indexes, the fields of every stored kind,
 * and a database of real records); editing or dropping a version fails here, and so does a
 * field added to or removed from any stored record without a new version.
 */
describe('released schema versions', () => {
	const stores = frozenFiles<{ version: number; stores: Record<string, string> }>(FIXTURES, /^schema-v\d+\.json$/).map((f) => f.data);
	const fields = frozenFiles<{ version: number; fields: Record<StoredKind, string[]> }>(FIXTURES, /^fields-v\d+\.json$/).map((f) => f.data);
	const databases = frozenFiles<{ version: number }>(FIXTURES, /^db-v\d+\.json$/).map((f) => f.data);
	const declared = VERSIONS.map((v) => v.version);

	it('has frozen indexes, field sets and a database of real records for every declared version', () => {
		expect(stores.map((f) => f.version).sort()).toEqual(declared);
		expect(fields.map((f) => f.version).sort()).toEqual(declared);
		expect(databases.map((f) => f.version).sort()).toEqual(declared);
	});

	it.each(stores.map((f) => [f.version, f] as const))('version %i is declared exactly as released', (version, fixture) => {
		expect(VERSIONS.find((v) => v.version === version)?.stores).toEqual(fixture.stores);
	});

	it('versions only ever go up', () => {
		expect(declared).toEqual([...declared].sort((a, b) => a - b));
		expect(new Set(declared).size).toBe(declared.length);
	});

	it('the fields of every stored kind are those frozen for the newest version (a new field needs a new version, its step in migrations.ts and a new backup format)', () => {
		const now = Object.fromEntries(Object.keys(FULL_SHAPES).map((k) => [k, fieldPaths(k as StoredKind, FULL_SHAPES[k as StoredKind])]));
		expect(now).toEqual(fields.find((f) => f.version === latest)!.fields);
	});

	it.each(declared.slice(1).map((v) => [v] as const))('version %i has an upgrade step for every kind whose fields changed from the version before', (version) => {
		const before = fields.find((f) => f.version === version - 1)!.fields;
		const after = fields.find((f) => f.version === version)!.fields;
		// A kind new in this version (the history in 5) has no records stored before it to upgrade.
		const changed = (Object.keys(after) as StoredKind[]).filter((k) => k in before && JSON.stringify(before[k]) !== JSON.stringify(after[k]));
		expect(changed.filter((k) => !MIGRATIONS[version]?.[k])).toEqual([]);
	});

	it('every schema version is carried by a backup format, the newest by the newest', () => {
		expect(BACKUP_FORMATS.at(-1)!.schemaVersion).toBe(latest);
		for (const v of declared) expect(BACKUP_FORMATS.some((f) => f.schemaVersion === v), `schema ${v}`).toBe(true);
	});
});
