import { ExifTool, type WriteTags } from 'exiftool-vendored';

/** What Leitplanke writes into an image as IPTC Photo Metadata (XMP), read by any IPTC-aware tool. */
export type ImageMetadata = {
  digitalSourceType: string;
  creditLine: { de: string; en: string };
  description: { de: string; en: string };
  creator?: string | undefined;
  /** IPTC 2025.1 AI properties, for generated images. */
  aiSystem?: string | undefined;
  aiSystemVersion?: string | undefined;
  prompts?: string[] | undefined;
};

/** What an image's metadata says about its origin, whoever wrote it. */
export type ReadMetadata = {
  digitalSourceType: string | null;
  credit: string | null;
  description: string | null;
  creator: string | null;
  aiSystem: string | null;
  prompt: string | null;
};

const first = (value: unknown): string | null => {
  if (value === undefined || value === null || value === '') return null;
  if (Array.isArray(value)) return value.length ? String(value[0]) : null;
  return String(value);
};

/** One exiftool process per server, started on first use and ended with `close()`. */
export function createMetadataTool() {
  let tool: ExifTool | undefined;
  const exiftool = () => (tool ??= new ExifTool({ maxProcs: 1, taskTimeoutMillis: 30_000 }));

  return {
    /** Writes the tags into the file in place (XMP for PNG and WebP; XMP and IPTC IIM for JPEG). */
    async write(file: string, metadata: ImageMetadata, isJpeg: boolean): Promise<void> {
      const tags: Record<string, unknown> = {
        'XMP-iptcExt:DigitalSourceType': metadata.digitalSourceType,
        'XMP-photoshop:Credit': metadata.creditLine.de,
        'XMP-dc:Description': metadata.description.de,
        'XMP-dc:Description-en': metadata.description.en,
      };
      if (metadata.creator) tags['XMP-dc:Creator'] = metadata.creator;
      if (metadata.aiSystem) tags['XMP-iptcExt:AISystemUsed'] = metadata.aiSystem;
      if (metadata.aiSystemVersion) tags['XMP-iptcExt:AISystemVersionUsed'] = metadata.aiSystemVersion;
      if (metadata.prompts?.length) tags['XMP-iptcExt:AIPromptInformation'] = metadata.prompts.join('\n');
      if (isJpeg) {
        // IIM for older newsroom software; it is limited to 32 (credit) and 2000 (caption) bytes.
        tags['IPTC:Credit'] = metadata.creditLine.de.slice(0, 32);
        tags['IPTC:Caption-Abstract'] = metadata.description.de.slice(0, 2000);
        tags['IPTC:CodedCharacterSet'] = 'UTF8';
      }
      await exiftool().write(file, tags as WriteTags, { writeArgs: ['-overwrite_original', '-charset', 'iptc=UTF8'] });
    },

    async read(file: string): Promise<ReadMetadata> {
      const tags = (await exiftool().read(file)) as unknown as Record<string, unknown>;
      return {
        digitalSourceType: first(tags.DigitalSourceType),
        credit: first(tags.Credit),
        description: first(tags.Description ?? tags['Caption-Abstract'] ?? tags.ImageDescription),
        creator: first(tags.Creator ?? tags.Artist ?? tags['By-line']),
        aiSystem: first(tags.AISystemUsed),
        prompt: first(tags.AIPromptInformation),
      };
    },

    async close(): Promise<void> {
      await tool?.end();
      tool = undefined;
    },
  };
}

export type MetadataTool = ReturnType<typeof createMetadataTool>;
