import { daysBetween, formatDate, type LocalDate } from '$lib/domain/dates';

export interface ReminderFacts {
	/** Whether the workbook holds any business record: an empty one has nothing to lose. */
	hasRecords: boolean;
	/** What the browser says of the storage: null while unknown or not reported. */
	persisted: boolean | null;
	lastBackupOn: LocalDate | null;
	/** Settings' "Backup reminder (days)"; 0 turns reminders off. */
	reminderDays: number;
	today: LocalDate;
	/** The day the person last said "Not now": the reminder stays away for the rest of it. */
	dismissedOn: LocalDate | null;
}

/**
 * Why the person should download a backup now, or null. Tieout's workbook is often the only
 * copy: a backup is due when none was ever made, when the last is older than the setting's
 * days, and, while the browser may evict the data (storage not persistent), every day that has
 * no backup yet.
 */
export function backupReminder(f: ReminderFacts): string | null {
	if (!f.hasRecords || f.reminderDays <= 0 || f.dismissedOn === f.today) return null;
	const evictable = f.persisted === false ? ' This browser may clear Tieout’s data when disk space runs low.' : '';
	if (!f.lastBackupOn) return `No backup of this workbook has been downloaded yet.${evictable}`;
	const age = daysBetween(f.lastBackupOn, f.today);
	if (age >= f.reminderDays) return `The last backup was downloaded on ${formatDate(f.lastBackupOn)}, ${age} days ago.${evictable}`;
	if (f.persisted === false && age > 0) return `This browser may clear Tieout’s data when disk space runs low, and the last backup is from ${formatDate(f.lastBackupOn)}.`;
	return null;
}
