/**
 * A sign-off photo made ready to print: redrawn (so the camera's rotation is applied, which a PDF
 * would not do from the file), at most `max` pixels on its long side (a phone photo is 12
 * megapixels; the job sheet prints it 3 inches wide), as a JPEG data URL on white. Null for a file
 * this browser cannot draw as a picture (a PDF of readings, a HEIC photo on a desktop browser).
 */
export async function photoDataUrl(blob: Blob, max = 1400): Promise<string | null> {
	if (!blob.type.startsWith('image/')) return null;
	let bitmap: ImageBitmap;
	try {
		bitmap = await createImageBitmap(blob);
	} catch {
		return null;
	}
	try {
		const scale = Math.min(1, max / Math.max(bitmap.width, bitmap.height));
		const canvas = new OffscreenCanvas(Math.max(1, Math.round(bitmap.width * scale)), Math.max(1, Math.round(bitmap.height * scale)));
		const ctx = canvas.getContext('2d');
		if (!ctx) return null;
		ctx.fillStyle = '#ffffff';
		ctx.fillRect(0, 0, canvas.width, canvas.height);
		ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
		return await dataUrlOf(await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 }));
	} finally {
		bitmap.close();
	}
}

function dataUrlOf(blob: Blob): Promise<string> {
	return new Promise((resolve, reject) => {
		const reader = new FileReader();
		reader.onload = () => resolve(String(reader.result));
		reader.onerror = () => reject(reader.error ?? new Error('The photo could not be read.'));
		reader.readAsDataURL(blob);
	});
}
