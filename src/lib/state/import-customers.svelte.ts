import { CustomerNameIndex, rowsText, type NameMatch } from '$lib/domain/customer-names';
import { newCustomer } from '$lib/domain/factories';
import type { FileCustomerName } from '$lib/io/csv/customer-column';
import { app, newId, saveOne } from './app.svelte';
import { notices } from './notices.svelte';
import { updateOne } from './update-one';

/** One name of the file's Customer column as the wizard lists it. */
export interface CustomerNameRow {
	name: string;
	key: string;
	/** `rows 14–20, 31` */
	rows: string;
	match: NameMatch;
}

/**
 * The customers a file names, row by row: which names match a customer (by name, a remembered
 * other name, or the person's answer for this file), and which the person must still answer
 * before anything is checked: create the customer, say which customer it is, or refuse the file.
 */
export class ImportCustomers {
	/** The names in the mapped Customer column; null while none is mapped or it is being read. */
	names = $state.raw<FileCustomerName[] | null>(null);
	/** Being read from the file (the Check waits for it). */
	reading = $state(false);
	/** The person's answers for this file, by name key: a name two customers answer to is never guessed. */
	choices = $state<Record<string, string>>({});
	/** The column the names were read from; undefined when none was read. */
	#column: string | undefined;
	#generation = 0;

	constructor(private readonly read: (column: string) => Promise<FileCustomerName[]>) {}

	/** Reads the names again when the Customer column changed (or the file was read again: `clear` first). */
	async follow(column: string | undefined): Promise<void> {
		const wanted = column || undefined;
		if (wanted === this.#column) return;
		this.#column = wanted;
		const generation = ++this.#generation;
		this.names = null;
		if (!wanted) {
			this.reading = false;
			return;
		}
		this.reading = true;
		try {
			const names = await this.read(wanted);
			if (generation === this.#generation) this.names = names;
		} catch {
			// The import was cancelled (its worker ended) or the file is read again: nothing to list.
		} finally {
			if (generation === this.#generation) this.reading = false;
		}
	}

	clear(): void {
		this.#generation++;
		this.#column = undefined;
		this.names = null;
		this.reading = false;
		this.choices = {};
	}

	/** Every name in the file with what it matches now (customers added in this or another tab count at once). */
	get listed(): CustomerNameRow[] {
		if (!this.names) return [];
		const t = app.wb.tables.customers;
		void t.version;
		const index = new CustomerNameIndex(t.rows(), this.choices);
		return this.names.map((n) => ({ name: n.name, key: n.key, rows: rowsText(n.ranges, n.more), match: index.matchKey(n.key) }));
	}

	get unresolved(): CustomerNameRow[] {
		return this.listed.filter((n) => n.match.kind !== 'one');
	}

	/** The customers the file's rows name. */
	get matchedIds(): string[] {
		return [...new Set(this.listed.flatMap((n) => (n.match.kind === 'one' ? [n.match.id] : [])))];
	}

	/** Adds the customer under the name the file gives (its details are filled in on Customers later). Resolves to the refusal, or null. */
	async create(name: string): Promise<string | null> {
		const customer = newCustomer(newId(), { name: name.trim(), defaultTerms: app.wb.settings.defaultTerms });
		return saveOne('customers', customer);
	}

	/**
	 * The person says which customer a name is: for this file, and remembered with the customer
	 * when the name was nobody's, so the next file matches by itself. A name two customers answer
	 * to is settled for this file only: remembering it would not make it anyone's alone.
	 */
	async assign(row: CustomerNameRow, customerId: string): Promise<string | null> {
		const customer = app.wb.tables.customers.get(customerId);
		if (!customer) return null;
		if (row.match.kind === 'none') {
			const refused = await updateOne('customers', { ...customer, otherNames: [...customer.otherNames, row.name] });
			if (refused) {
				notices.push('error', `“${row.name}” was not remembered for ${customer.name}: ${refused.message}`);
				return refused.message;
			}
		}
		this.choices = { ...this.choices, [row.key]: customerId };
		return null;
	}
}
