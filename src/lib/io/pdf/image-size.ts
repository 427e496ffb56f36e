/** What the layout needs to place a logo: its format and its pixel size (for the aspect ratio). */
export interface ImageInfo {
	format: 'PNG' | 'JPEG';
	width: number;
	height: number;
}

const DATA_URL = /^data:image\/(png|jpe?g);base64,([A-Za-z0-9+/=\s]+)$/i;

function bytesOf(base64: string, maxBytes: number): Uint8Array {
	const clean = base64.replace(/\s/g, '');
	const chars = Math.min(clean.length, Math.ceil(maxBytes / 3) * 4);
	const bin = atob(clean.slice(0, chars - (chars % 4)));
	const out = new Uint8Array(bin.length);
	for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
	return out;
}

function pngSize(b: Uint8Array): [number, number] | null {
	const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
	if (b.length < 24 || signature.some((v, i) => b[i] !== v)) return null;
	const u32 = (o: number) => ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0;
	return [u32(16), u32(20)];
}

/** Start-of-frame markers carry the size; the others (DHT C4, JPG C8, DAC CC) do not. */
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function jpegSize(b: Uint8Array): [number, number] | null {
	if (b[0] !== 0xff || b[1] !== 0xd8) return null;
	let o = 2;
	while (o + 9 < b.length) {
		if (b[o] !== 0xff) return null;
		const marker = b[o + 1]!;
		if (marker === 0xff) {
			o++;
			continue;
		}
		const length = (b[o + 2]! << 8) | b[o + 3]!;
		if (SOF.has(marker)) return [(b[o + 7]! << 8) | b[o + 8]!, (b[o + 5]! << 8) | b[o + 6]!];
		o += 2 + length;
	}
	return null;
}

/** Format and size of a PNG or JPEG data URL; null for anything else or a damaged image. */
export function imageInfo(dataUrl: string): ImageInfo | null {
	const m = DATA_URL.exec(dataUrl.trim());
	if (!m) return null;
	const format = m[1]!.toLowerCase() === 'png' ? 'PNG' : 'JPEG';
	let bytes: Uint8Array;
	try {
		// A JPEG's frame header usually sits after its metadata, well inside the first 256 kB.
		bytes = bytesOf(m[2]!, format === 'PNG' ? 32 : 256 * 1024);
	} catch {
		return null;
	}
	const size = format === 'PNG' ? pngSize(bytes) : jpegSize(bytes);
	if (!size || size[0] <= 0 || size[1] <= 0) return null;
	return { format, width: size[0], height: size[1] };
}
