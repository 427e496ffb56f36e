import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { newCustomer } from '$lib/domain/factories';
import type { DateOrder } from '$lib/domain/dates';
import type { Customer } from '$lib/domain/records';
import { convertPos, type ImportedPo } from './convert-po';
import { suggestMapping } from './mapping';
import { describeProblem } from './problem';
import { readTable } from './read';
import type { DecimalSeparator } from './values';

/** Test-only helpers: reads the corpus from disk, so only tests may import this file. */

export const fixtureDir = fileURLToPath(new URL('../../../../tests/fixtures/csv/', import.meta.url));
export const fixture = (name: string) => new Uint8Array(readFileSync(fixtureDir + name));

export const acme: Customer = newCustomer('c1', { name: 'Acme Facilities', defaultTerms: 'Net 45' });

export function counter(prefix = 'id') {
	let n = 0;
	return () => `${prefix}${++n}`;
}

/** Bytes through the whole PO import with every guess accepted; throws with the problems listed. */
export function importPoBytes(bytes: Uint8Array, name: string, o: { decimal?: DecimalSeparator; dateOrder?: DateOrder; idGen?: () => string } = {}): { pos: ImportedPo[]; mapped: string[] } {
	const read = readTable(bytes, name);
	if (!read.ok) throw new Error(read.problems.map(describeProblem).join('\n'));
	const mapping = suggestMapping('po', read.table.header);
	const r = convertPos(read.table, mapping, { decimal: o.decimal ?? '.', dateOrder: o.dateOrder ?? 'mdy' }, { fileName: name, customerId: 'c1', customers: [acme], today: '2027-02-01', idGen: o.idGen ?? counter() });
	if (!r.ok) throw new Error(r.problems.map(describeProblem).join('\n'));
	return { pos: r.groups, mapped: r.mapped };
}
