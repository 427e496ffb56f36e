import { naturalCompare } from '$lib/domain/invoicing';
import type { Invoice, WorkOrder } from '$lib/domain/records';
import type { InvoiceDocInput } from '$lib/io/pdf/invoice-layout';
import { customerForDoc, siteForDoc } from '$lib/io/pdf/doc-records';
import type { JobSheetDocInput } from '$lib/io/pdf/job-sheet-layout';
import { makeFacturX, makePdf, type MadePdf } from '$lib/io/pdf/pdf-client';
import { app } from './app.svelte';
import { listAttachments } from './attachments';
import { linesOf } from './lookups';
import { photoDataUrl } from './photo-data';
import { notices } from './notices.svelte';

/** What the invoice PDF prints, gathered from the workbook as plain records. */
export function invoiceDoc(inv: Invoice): InvoiceDocInput {
	const wb = app.wb;
	const customer = wb.tables.customers.get(inv.customerId);
	const jobs = wb.tables.workOrders.rows().filter((w) => inv.workOrderNumbers.includes(w.number));
	const siteIds = [...new Set(jobs.map((w) => w.siteId).filter((id): id is string => !!id))];
	return {
		invoice: inv,
		lines: [...linesOf(wb).invoiceLines(inv.id)].sort((a, b) => a.lineNo - b.lineNo),
		customer: customer ? customerForDoc(customer) : { name: '', billingAddress: '', apContact: '', apEmail: '' },
		sites: siteIds.flatMap((id) => {
			const s = wb.tables.sites.get(id);
			return s ? [siteForDoc(s)] : [];
		}),
		business: wb.settings.business
	};
}

/** What the job sheet prints; `unprintable` counts the picture files this browser could not draw. */
export async function jobSheetDoc(wo: WorkOrder): Promise<{ input: JobSheetDocInput; unprintable: number }> {
	const wb = app.wb;
	const site = wo.siteId ? wb.tables.sites.get(wo.siteId) : undefined;
	const pictures = (await listAttachments(wo.id)).filter((a) => a.type.startsWith('image/'));
	const drawn = await Promise.all(pictures.map(async (a) => ({ name: a.name, addedOn: a.addedOn, dataUrl: await photoDataUrl(a.data) })));
	const photos = drawn.flatMap((p) => (p.dataUrl ? [{ ...p, dataUrl: p.dataUrl }] : []));
	return {
		input: {
			workOrder: wo,
			tasks: [...linesOf(wb).tasks(wo.id)].sort((a, b) => naturalCompare(a.code, b.code)),
			changeOrders: linesOf(wb).changeOrders(wo.id),
			customer: { name: wb.tables.customers.get(wo.customerId)?.name ?? '' },
			site: site ? siteForDoc(site) : null,
			business: wb.settings.business,
			photos
		},
		unprintable: drawn.length - photos.length
	};
}

/** Hands a file to the browser's downloads (ui/download.ts): given by the page, as state does not import ui. */
export type Downloader = (blob: Blob, filename: string) => void;

async function download(make: () => Promise<MadePdf>, save: Downloader): Promise<boolean> {
	try {
		// A document prints every line of its record: not before all of them have been read.
		await app.checked;
		// Marks for the PDF benchmark (tests/bench/pdf.mjs): from the request to the bytes in hand.
		performance.mark('tieout:pdf-start');
		const pdf = await make();
		performance.mark('tieout:pdf-end');
		save(new Blob([pdf.bytes], { type: 'application/pdf' }), pdf.fileName);
		notices.push('success', `${pdf.fileName} downloaded (${pdf.pageCount} page${pdf.pageCount === 1 ? '' : 's'}).`);
		return true;
	} catch (err) {
		notices.push('error', err instanceof Error ? err.message : String(err));
		return false;
	}
}

export const downloadInvoicePdf = (inv: Invoice, save: Downloader) => download(() => makePdf('invoice', invoiceDoc(inv)), save);
/**
 * The invoice PDF as Factur-X. `ciiXml` turns the same gathered invoice the PDF is drawn from into its
 * CII XML, so the two cannot disagree; a refusal it throws (pre-flight) is shown like any PDF error.
 */
export const downloadInvoiceFacturX = (inv: Invoice, ciiXml: (doc: InvoiceDocInput) => string, save: Downloader) =>
	download(async () => {
		const doc = invoiceDoc(inv);
		return makeFacturX(doc, ciiXml(doc));
	}, save);
export const downloadJobSheet = (wo: WorkOrder, save: Downloader) =>
	download(async () => {
		const { input, unprintable } = await jobSheetDoc(wo);
		if (unprintable > 0) notices.push('info', `${unprintable} of ${wo.number}'s photo${unprintable === 1 ? ' is' : 's are'} in a format this browser cannot draw, so the job sheet leaves ${unprintable === 1 ? 'it' : 'them'} out; ${unprintable === 1 ? 'it stays' : 'they stay'} attached to the job.`);
		return makePdf('jobSheet', input);
	}, save);
