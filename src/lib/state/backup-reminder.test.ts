import { describe, expect, it } from 'vitest';
import { backupReminder, type ReminderFacts } from './backup-reminder';

const facts = (x: Partial<ReminderFacts> = {}): ReminderFacts => ({ hasRecords: true, persisted: true, lastBackupOn: '2026-12-01', reminderDays: 14, today: '2026-12-05', dismissedOn: null, ...x });

describe('the backup reminder', () => {
	it('stays away from an empty workbook, when turned off, and for the rest of a day it was dismissed', () => {
		expect(backupReminder(facts({ hasRecords: false, lastBackupOn: null }))).toBeNull();
		expect(backupReminder(facts({ reminderDays: 0, lastBackupOn: null, persisted: false }))).toBeNull();
		expect(backupReminder(facts({ lastBackupOn: null, dismissedOn: '2026-12-05' }))).toBeNull();
		expect(backupReminder(facts({ lastBackupOn: null, dismissedOn: '2026-12-04' }))).toMatch(/No backup/);
	});

	it('asks for a first backup', () => {
		expect(backupReminder(facts({ lastBackupOn: null }))).toBe('No backup of this workbook has been downloaded yet.');
	});

	it('comes back once the last backup is as old as the setting says, not a day before', () => {
		expect(backupReminder(facts({ lastBackupOn: '2026-11-22' }))).toBeNull();
		expect(backupReminder(facts({ lastBackupOn: '2026-11-21' }))).toBe('The last backup was downloaded on Nov 21, 2026, 14 days ago.');
		expect(backupReminder(facts({ lastBackupOn: '2026-11-28', reminderDays: 7 }))).toMatch(/7 days ago/);
	});

	it('while the browser may evict the workbook, asks every day that has no backup yet', () => {
		expect(backupReminder(facts({ persisted: false, lastBackupOn: '2026-12-05' }))).toBeNull();
		expect(backupReminder(facts({ persisted: false, lastBackupOn: '2026-12-04' }))).toBe('This browser may clear Tieout’s data when disk space runs low, and the last backup is from Dec 4, 2026.');
		expect(backupReminder(facts({ persisted: false, lastBackupOn: null }))).toMatch(/^No backup .* This browser may clear/);
		// Not known (the browser does not say): no daily reminder on that ground.
		expect(backupReminder(facts({ persisted: null, lastBackupOn: '2026-12-04' }))).toBeNull();
	});
});
