import sharp from 'sharp';

/**
 * A 64-bit difference hash (dHash) of the picture: survives re-encoding, resizing and stripped
 * metadata, so verification can recognise a labelled image whose label data was removed.
 */
export async function pictureHash(input: Buffer): Promise<string> {
  const pixels = await sharp(input).autoOrient().greyscale().resize(9, 8, { fit: 'fill' }).raw().toBuffer();
  let bits = 0n;
  for (let row = 0; row < 8; row++) {
    for (let column = 0; column < 8; column++) {
      bits = (bits << 1n) | (pixels[row * 9 + column]! > pixels[row * 9 + column + 1]! ? 1n : 0n);
    }
  }
  return bits.toString(16).padStart(16, '0');
}

export function hammingDistance(a: string, b: string): number {
  let value = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let count = 0;
  while (value > 0n) {
    count += Number(value & 1n);
    value >>= 1n;
  }
  return count;
}
