import sharp from 'sharp';
import type { Corner } from './origins.js';

const escapeXml = (value: string) => value.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** Where the label box sits: the chosen corner, a margin away from the edges. */
export function labelBox(image: { width: number; height: number }, box: { width: number; height: number }, corner: Corner) {
  const margin = Math.max(4, Math.round(Math.min(image.width, image.height) * 0.02));
  const left = corner.endsWith('left') ? margin : Math.max(0, image.width - box.width - margin);
  const top = corner.startsWith('top') ? margin : Math.max(0, image.height - box.height - margin);
  return { left, top, width: Math.min(box.width, image.width), height: Math.min(box.height, image.height) };
}

/**
 * Burns a label into the picture (LABEL-3): white DejaVu Sans Bold on an opaque near-black box, so the
 * contrast is 19.6:1 whatever the picture shows (WCAG asks 4.5:1). The text is measured by rendering it.
 */
export async function burnInLabel(input: Buffer, label: string, corner: Corner): Promise<{ image: Buffer; box: { left: number; top: number; width: number; height: number } }> {
  const image = sharp(input, { failOn: 'error' });
  const meta = await image.metadata();
  const width = meta.autoOrient?.width ?? meta.width;
  const height = meta.autoOrient?.height ?? meta.height;
  const fontSize = Math.max(14, Math.round(Math.min(width, height) * 0.05));
  const canvasWidth = Math.ceil(fontSize * label.length * 1.2) + 20;
  const canvasHeight = Math.ceil(fontSize * 2);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${canvasWidth}" height="${canvasHeight}"><text x="10" y="${Math.round(fontSize * 1.3)}" font-family="DejaVu Sans" font-weight="bold" font-size="${fontSize}" fill="#ffffff">${escapeXml(label)}</text></svg>`;
  const glyphs = await sharp(Buffer.from(svg)).trim({ threshold: 1 }).png().toBuffer({ resolveWithObject: true });
  const padding = Math.round(fontSize * 0.45);
  const boxSize = { width: glyphs.info.width + 2 * padding, height: glyphs.info.height + 2 * padding };
  const placed = labelBox({ width, height }, boxSize, corner);
  const box = await sharp({ create: { width: boxSize.width, height: boxSize.height, channels: 4, background: { r: 17, g: 17, b: 17, alpha: 1 } } })
    .composite([{ input: glyphs.data, left: padding, top: padding }])
    .png()
    .toBuffer();
  const fitted = boxSize.width > width || boxSize.height > height ? await sharp(box).resize(placed.width, placed.height, { fit: 'inside' }).toBuffer() : box;
  const output = sharp(input).autoOrient().composite([{ input: fitted, left: placed.left, top: placed.top }]);
  const format = meta.format === 'jpeg' ? output.jpeg({ quality: 92 }) : meta.format === 'webp' ? output.webp({ quality: 92 }) : output.png();
  return { image: await format.toBuffer(), box: placed };
}
