import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { VERSIONS } from './schema';

const FIXTURES = 'tests/fixtures/db';

/**
 * A released schema version is frozen: browsers out there hold data at it. Each released
 * version has a fixture written when it shipped; editing or dropping a version fails here.
 */
describe('released schema versions', () => {
	const frozen = readdirSync(FIXTURES)
		.filter((f) => /^schema-v\d+\.json$/.test(f))
		.map((f) => JSON.parse(readFileSync(`${FIXTURES}/${f}`, 'utf8')) as { version: number; stores: Record<string, string> });

	it('has a frozen fixture for every declared version', () => {
		expect(frozen.map((f) => f.version).sort()).toEqual(VERSIONS.map((v) => v.version).sort());
	});

	it.each(frozen.map((f) => [f.version, f] as const))('version %i is declared exactly as released', (version, fixture) => {
		expect(VERSIONS.find((v) => v.version === version)?.stores).toEqual(fixture.stores);
	});

	it('versions only ever go up', () => {
		const nums = VERSIONS.map((v) => v.version);
		expect(nums).toEqual([...nums].sort((a, b) => a - b));
		expect(new Set(nums).size).toBe(nums.length);
	});
});
