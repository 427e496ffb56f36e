import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { ciiXml, einvoiceProblems, ublXml, type EinvoiceInput } from '../../src/lib/io/einvoice/index';
import { ciiSchemaErrors } from '../../src/lib/io/einvoice/xsd.test-helper';
import { all, readXml, text } from '../../src/lib/io/einvoice/xml-read.test-helper';
import type { Customer, Invoice, InvoiceLine, PoLine, PurchaseOrder, Settings } from '../../src/lib/domain/records';
import { cellOf, expect, gridSection, loadSample, openGrid, stableRow, test } from './fixtures';
import { readPdf } from './pdf';

interface Backup {
	tables: { invoices: Invoice[]; invoiceLines: InvoiceLine[]; customers: Customer[]; purchaseOrders: PurchaseOrder[]; poLines: PoLine[]; settings: Settings[] };
}

/** The workbook as stored, by way of its backup file: what the e-invoice must have been made from. */
async function backupOf(page: Page): Promise<Backup> {
	await page.goto('/settings');
	const [backup] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download backup' }).click()]);
	return JSON.parse(await readFile(await backup.path(), 'utf8')) as Backup;
}

/** The same input the app gathers (state/einvoice.ts), from the backup's records. */
function inputFrom(data: Backup, number: string): EinvoiceInput {
	const invoice = data.tables.invoices.find((i) => i.number === number)!;
	const settings = data.tables.settings[0]!;
	return {
		invoice,
		lines: data.tables.invoiceLines.filter((l) => l.invoiceId === invoice.id).sort((a, b) => a.lineNo - b.lineNo),
		customer: data.tables.customers.find((c) => c.id === invoice.customerId) ?? null,
		business: settings.business,
		taxRateBp: settings.taxRateBp,
		credited: data.tables.invoices.find((i) => i.number === invoice.creditOf) ?? null
	};
}

async function openInvoice(page: Page, number: string) {
	await openGrid(page, '/invoices', 'Invoices', 4);
	await cellOf(await stableRow(gridSection(page, 'Invoices'), 'number', number), 'number').click();
	return page.getByRole('group', { name: `Actions for invoice ${number}` });
}

test("An invoice's UBL e-invoice carries its PO and each line's PO line, and is what the rules pass", async ({ page }) => {
	await loadSample(page);
	const data = await backupOf(page);
	const actions = await openInvoice(page, 'INV-1041');
	const download = page.waitForEvent('download');
	await actions.getByRole('button', { name: 'UBL e-invoice (XML)' }).click();
	// INV-1041 bills a lift with no job behind it: the usual pre-flight asks first, and may be passed.
	await page.getByRole('dialog').getByRole('button', { name: 'Download e-invoice anyway' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toBe('Invoice-INV-1041.xml');
	const xml = await readFile(await file.path(), 'utf8');
	await expect(page.getByRole('status').filter({ hasText: 'Invoice-INV-1041.xml downloaded' })).toBeVisible();

	const input = inputFrom(data, 'INV-1041');
	expect(einvoiceProblems(input)).toEqual([]);
	expect(xml).toBe(ublXml(input));

	const doc = readXml(xml);
	const po = data.tables.purchaseOrders.find((p) => p.customerId === input.invoice.customerId && p.number === input.invoice.poNumber)!;
	expect(text(doc, 'cac:OrderReference/cbc:ID')).toBe('884120');
	expect(po.number).toBe('884120');
	const poLines = new Map(data.tables.poLines.filter((l) => l.poId === po.id).map((l) => [String(l.lineNo), l]));
	const lines = all(doc, 'cac:InvoiceLine');
	expect(lines.map((l) => text(l, 'cbc:ID'))).toEqual(input.lines.filter((l) => l.kind !== 'tax').map((l) => String(l.lineNo)));
	for (const l of lines) {
		const stored = input.lines.find((x) => String(x.lineNo) === text(l, 'cbc:ID'))!;
		const ref = all(l, 'cac:OrderLineReference/cbc:LineID')[0]?.text ?? null;
		expect(ref).toBe(stored.poLineNo === null ? null : String(stored.poLineNo));
		// Each PO line reference names a line of the PO, with the buyer's own item code.
		if (ref) expect(text(l, 'cac:Item/cac:BuyersItemIdentification/cbc:ID')).toBe(poLines.get(ref)!.buyerItemCode);
	}
	expect(lines.flatMap((l) => all(l, 'cac:OrderLineReference/cbc:LineID').map((n) => n.text))).toEqual(['1', '3', '6']);
});

test("An invoice's Factur-X PDF is the invoice drawn, with its CII XML inside that the schema and the rules pass", async ({ page }, testInfo) => {
	await loadSample(page);
	const data = await backupOf(page);
	const actions = await openInvoice(page, 'INV-1041');
	const download = page.waitForEvent('download');
	await actions.getByRole('button', { name: 'Factur-X PDF' }).click();
	// INV-1041 bills a lift with no job behind it: the usual pre-flight asks first, and may be passed.
	await page.getByRole('dialog').getByRole('button', { name: 'Download e-invoice anyway' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toBe('Invoice-INV-1041.pdf');
	await expect(page.getByRole('status').filter({ hasText: 'Invoice-INV-1041.pdf downloaded' })).toBeVisible();

	expect((await readPdf(file)).text).toContain('INV-1041');
	// PDF/A: every font is embedded (pdffonts' "emb" column), none of the standard 14 left to the viewer.
	const fonts = execFileSync('pdffonts', [await file.path()], { encoding: 'utf8' }).trim().split('\n').slice(2);
	expect(fonts.length).toBeGreaterThan(0);
	for (const f of fonts) expect(f).toMatch(/^\w{6}\+LiberationSans\S*\s+CID TrueType\s+Identity-H\s+yes /);
	const out = testInfo.outputPath('factur-x.xml');
	expect(execFileSync('pdfdetach', ['-list', await file.path()], { encoding: 'utf8' }).trim().split('\n')).toEqual(['1 embedded files', '1: factur-x.xml']);
	execFileSync('pdfdetach', ['-save', '1', '-o', out, await file.path()]);
	const xml = await readFile(out, 'utf8');
	const input = inputFrom(data, 'INV-1041');
	expect(einvoiceProblems(input)).toEqual([]);
	expect(xml).toBe(ciiXml(input));
	expect(ciiSchemaErrors(xml, 'INV-1041')).toBe('');
	expect(text(readXml(xml), 'rsm:ExchangedDocument/ram:ID')).toBe('INV-1041');
});

test('Pre-flight refuses an e-invoice whose buyer has no address, and says which rule and why', async ({ page }, testInfo) => {
	await loadSample(page);
	const data = await backupOf(page);
	const harbor = data.tables.customers.find((c) => c.name.startsWith('Harbor Point'))!;
	Object.assign(harbor, { billingStreet: '', billingCity: '', billingRegion: '', billingPostalCode: '', billingCountry: '' });
	const file = testInfo.outputPath('no-address.json');
	await writeFile(file, JSON.stringify(data));
	await page.getByLabel('Restore from backup file').setInputFiles(file);
	await page.getByRole('dialog').getByRole('button', { name: 'Replace workbook' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Restored' })).toBeVisible();

	let downloads = 0;
	page.on('download', () => downloads++);
	const actions = await openInvoice(page, 'INV-1042');
	await actions.getByRole('button', { name: 'UBL e-invoice (XML)' }).click();
	const alert = actions.getByRole('alert');
	await expect(alert).toContainText("The e-invoice was not downloaded: a buyer's system would reject it.");
	await expect(alert.locator('li')).toHaveText(["BR-10: The buyer's postal address is missing: add Harbor Point Property Management LLC's billing address on the Customers page."]);
	expect(downloads).toBe(0);
	expect(einvoiceProblems(inputFrom(data, 'INV-1042')).map((f) => f.rule)).toEqual(['BR-10']);

	// Another invoice's refusal is not shown against this one.
	await openInvoice(page, 'INV-1041');
	await expect(page.getByRole('group', { name: 'Actions for invoice INV-1041' }).getByRole('alert')).toHaveCount(0);
});
