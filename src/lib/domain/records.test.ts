import { describe, expect, it } from 'vitest';
import { defaultSettings, upgradeSettings, type Settings } from './records';
import { validateSettings } from './validate';

describe('upgradeSettings', () => {
	it('fills fields added since a settings record was stored, keeping what the user set', () => {
		// The shape released before the logo existed: business has no logoDataUrl.
		const { logoDataUrl: _dropped, ...oldBusiness } = { ...defaultSettings().business, legalName: 'Ridgeline Mechanical LLC' };
		const stored = { ...defaultSettings(), business: oldBusiness, nextInvoiceNo: 1045 } as unknown as Partial<Settings>;
		const s = upgradeSettings(stored);
		expect(s.business.legalName).toBe('Ridgeline Mechanical LLC');
		expect(s.business.logoDataUrl).toBe('');
		expect(s.nextInvoiceNo).toBe(1045);
		expect(validateSettings(s)).toEqual([]);
	});

	it('gives the defaults when nothing is stored', () => {
		expect(upgradeSettings(undefined)).toEqual(defaultSettings());
	});
});
