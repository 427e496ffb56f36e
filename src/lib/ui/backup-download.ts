import { exportBackup } from '$lib/db/backup';
import { describeStorageProblem } from '$lib/db/errors';
import { app, saveOne, today } from '$lib/state/app.svelte';
import { notices } from '$lib/state/notices.svelte';
import { downloadBlob } from './download';

/**
 * Downloads the whole workbook as `tieout-backup-YYYY-MM-DD.json` and records the day in the
 * settings. The file goes to the browser's downloads, not to IndexedDB, so it can be made even
 * when storage is full; only the date then fails to save, and that is said.
 */
export async function downloadBackup(): Promise<boolean> {
	const wb = app.wb;
	try {
		const data = await exportBackup(wb.db, new Date().toISOString(), today(), __TIEOUT_VERSION__);
		downloadBlob(new Blob([JSON.stringify(data)], { type: 'application/json' }), `tieout-backup-${today()}.json`);
	} catch (err) {
		notices.push('error', `The backup was not made: ${describeStorageProblem(err)}`);
		return false;
	}
	return (await saveOne('settings', { ...wb.settings, lastBackupOn: today() }, { kind: 'action', label: 'Backup date noted' })) === null;
}
