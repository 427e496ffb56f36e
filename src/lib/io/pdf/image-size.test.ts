import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { logoDataUrl } from './fixtures.test-helper';
import { imageInfo } from './image-size';

/** A minimal JPEG header: SOI, an APP0 segment, then a baseline frame of 640 x 480. */
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x06, 0x4a, 0x46, 0x49, 0x46, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0xe0, 0x02, 0x80, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01, 0xff, 0xd9]);

describe('imageInfo', () => {
	it('reads the size of a PNG and a JPEG data URL', () => {
		expect(imageInfo(logoDataUrl(180, 60))).toEqual({ format: 'PNG', width: 180, height: 60 });
		expect(imageInfo(`data:image/jpeg;base64,${JPEG.toString('base64')}`)).toEqual({ format: 'JPEG', width: 640, height: 480 });
		const screenshot = readFileSync('docs/screenshot.png');
		expect(imageInfo(`data:image/png;base64,${screenshot.toString('base64')}`)).toMatchObject({ format: 'PNG', width: screenshot.readUInt32BE(16), height: screenshot.readUInt32BE(20) });
	});

	it('refuses what is not a readable PNG or JPEG', () => {
		expect(imageInfo('')).toBeNull();
		expect(imageInfo('data:image/gif;base64,R0lGODlhAQABAAAAACw=')).toBeNull();
		expect(imageInfo('data:image/png;base64,AAAA')).toBeNull();
		expect(imageInfo(`data:image/png;base64,${JPEG.toString('base64')}`)).toBeNull();
		expect(imageInfo('data:image/png;base64,%%%')).toBeNull();
	});
});
