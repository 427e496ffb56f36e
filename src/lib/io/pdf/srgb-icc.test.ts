import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SRGB_ICC_BASE64 } from './srgb-icc';

describe('the sRGB profile embedded in Factur-X PDFs', () => {
	it('is byte for byte the committed sRGB.icc, an RGB display profile', () => {
		const file = readFileSync(join(import.meta.dirname, 'sRGB.icc'));
		const embedded = Buffer.from(SRGB_ICC_BASE64, 'base64');
		expect(embedded.equals(file)).toBe(true);
		expect(embedded.readUInt32BE(0)).toBe(file.length);
		expect(embedded.toString('latin1', 16, 20)).toBe('RGB ');
		expect(embedded.toString('latin1', 36, 40)).toBe('acsp');
	});
});
