import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/*
 * CII is validated by xmllint against the official Factur-X 1.07.3 EN16931 schema
 * (tests/fixtures/xsd/factur-x-1.07.3-en16931; tests/ensure-tools.sh installs xmllint).
 */
const XSD = resolve('tests/fixtures/xsd/factur-x-1.07.3-en16931/Factur-X_1.07.3_EN16931.xsd');
let dir = '';

/** xmllint's verdict on CII `xml`: '' when it validates against the schema, else its complaints. */
export function ciiSchemaErrors(xml: string, name: string): string {
	dir ||= mkdtempSync(join(tmpdir(), 'tieout-cii-'));
	const file = join(dir, `${name.replace(/[^\w.-]+/g, '-')}.xml`);
	writeFileSync(file, xml);
	try {
		execFileSync('xmllint', ['--noout', '--schema', XSD, file], { stdio: 'pipe' });
		return '';
	} catch (err) {
		return String((err as { stderr?: Buffer }).stderr ?? err);
	}
}
