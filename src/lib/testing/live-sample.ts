import { TieoutDB } from '$lib/db/database';
import { saveBatch } from '$lib/db/repository';
import type { LocalDate } from '$lib/domain/dates';
import { sampleWorkbook } from '$lib/domain/sample-workbook';
import { LiveFindings } from '$lib/state/findings.svelte';
import { Workbook } from '$lib/state/workbook.svelte';

/** The sample workbook stored, opened and reconciled live, as a page has it. */
export interface LiveSample {
	db: TieoutDB;
	wb: Workbook;
	live: LiveFindings;
	sample: ReturnType<typeof sampleWorkbook>;
	close(): Promise<void>;
}

export async function openLiveSample(name: string, today: LocalDate): Promise<LiveSample> {
	const db = new TieoutDB(`${name}-${crypto.randomUUID()}`);
	let n = 0;
	const sample = sampleWorkbook(today, () => `s-${++n}`);
	await saveBatch(db, sample);
	const wb = new Workbook(db);
	await wb.start();
	const live = new LiveFindings(wb, () => today);
	await live.start();
	const close = async () => {
		live.stop();
		wb.stop();
		await db.delete();
	};
	return { db, wb, live, sample, close };
}
