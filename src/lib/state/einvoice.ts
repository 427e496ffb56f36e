import type { Invoice } from '$lib/domain/records';
import { ciiXml, einvoiceFileName, einvoiceProblems, ublXml, type EinvoiceFinding, type EinvoiceInput } from '$lib/io/einvoice';
import { app } from './app.svelte';
import { downloadInvoiceFacturX, type Downloader } from './documents';
import { linesOf } from './lookups';
import { notices } from './notices.svelte';

/** What an invoice's e-invoice is made from, gathered from the workbook as plain records. */
export function einvoiceInput(inv: Invoice): EinvoiceInput {
	const wb = app.wb;
	const creditOf = inv.creditOf.trim();
	return {
		invoice: inv,
		lines: [...linesOf(wb).invoiceLines(inv.id)].sort((a, b) => a.lineNo - b.lineNo),
		customer: wb.tables.customers.get(inv.customerId) ?? null,
		business: wb.settings.business,
		taxRateBp: wb.settings.taxRateBp,
		credited: creditOf ? (wb.tables.invoices.rows().find((i) => i.number === creditOf) ?? null) : null
	};
}

/** The two e-invoices: UBL XML (Peppol BIS Billing 3.0), and the invoice PDF as Factur-X with its CII XML inside. */
export type EinvoiceFormat = 'ubl' | 'facturx';

/**
 * Pre-flight, then the file. An e-invoice a buyer's system would reject is refused, and the
 * rules it breaks are returned for the page to show; only then is the person asked about the
 * errors AP would reject (`cleared`, which they may go past), so they are not asked to go on
 * with a file that will not be made. Returns [] when downloaded or when the person chose to fix first.
 */
export async function downloadEinvoice(inv: Invoice, format: EinvoiceFormat, save: Downloader, cleared: () => Promise<boolean>): Promise<EinvoiceFinding[]> {
	// Every line must have been read: an e-invoice with lines missing would pass its own rules.
	await app.checked;
	const input = einvoiceInput(inv);
	const problems = einvoiceProblems(input);
	if (problems.length) return problems;
	if (!(await cleared())) return [];
	if (format === 'facturx') {
		// Gathered again beside the PDF's own records (after the same wait), so the XML inside is of the invoice drawn.
		await downloadInvoiceFacturX(inv, () => checkedCii(inv), save);
		return [];
	}
	const name = einvoiceFileName(input);
	save(new Blob([ublXml(input)], { type: 'application/xml' }), name);
	notices.push('success', `${name} downloaded (UBL e-invoice, Peppol BIS Billing 3.0).`);
	return [];
}

/** The CII XML of the invoice as it is now, refused (thrown, shown as the PDF's error) if it no longer passes the rules. */
function checkedCii(inv: Invoice): string {
	const input = einvoiceInput(inv);
	const problems = einvoiceProblems(input);
	if (problems.length) throw new Error(`The Factur-X PDF was not made: ${problems.map((p) => `${p.rule}: ${p.sentence}`).join(' ')}`);
	return ciiXml(input);
}
