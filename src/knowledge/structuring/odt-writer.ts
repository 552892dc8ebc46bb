import { strToU8, zipSync } from 'fflate';

export type OdtBlock = { kind: 'heading'; level: number; text: string } | { kind: 'paragraph'; text: string; style?: 'quote' } | { kind: 'pagebreak' } | { kind: 'table'; header: string[]; rows: string[][] };

function escape(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * A minimal OpenDocument text (ODF 1.3): headings with outline levels, paragraphs, quotes, tables and
 * page breaks; LibreOffice, Word and the extractor in ../extract read it. The uncompressed
 * `mimetype` entry comes first, as the specification requires.
 */
export function writeOdt(blocks: OdtBlock[], title: string): Uint8Array {
  let tables = 0;
  const body = blocks
    .map((block) => {
      switch (block.kind) {
        case 'heading':
          return `<text:h text:style-name="Heading_20_${block.level}" text:outline-level="${block.level}">${escape(block.text)}</text:h>`;
        case 'paragraph':
          return `<text:p text:style-name="${block.style === 'quote' ? 'Quotations' : 'Text_20_body'}">${escape(block.text)}</text:p>`;
        case 'pagebreak':
          // The style breaks the page; a soft-page-break as well would count the page twice when read back.
          return '<text:p text:style-name="PageBreak"/>';
        case 'table': {
          tables++;
          const row = (cells: string[], header: boolean) =>
            `<table:table-row>${cells.map((cell) => `<table:table-cell office:value-type="string"><text:p text:style-name="${header ? 'Table_20_Heading' : 'Table_20_Contents'}">${escape(cell)}</text:p></table:table-cell>`).join('')}</table:table-row>`;
          return `<table:table table:name="Tabelle${tables}"><table:table-column table:number-columns-repeated="${block.header.length}"/><table:table-header-rows>${row(block.header, true)}</table:table-header-rows>${block.rows.map((cells) => row(cells, false)).join('')}</table:table>`;
        }
      }
    })
    .join('');
  const ns =
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"';
  const content = `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${ns} office:version="1.3"><office:automatic-styles><style:style style:name="PageBreak" style:family="paragraph"><style:paragraph-properties fo:break-before="page"/></style:style></office:automatic-styles><office:body><office:text>${body}</office:text></office:body></office:document-content>`;
  const styles = `<?xml version="1.0" encoding="UTF-8"?><office:document-styles ${ns} office:version="1.3"><office:styles>${[1, 2, 3]
    .map((level) => `<style:style style:name="Heading_20_${level}" style:display-name="Heading ${level}" style:family="paragraph" style:default-outline-level="${level}"><style:text-properties fo:font-size="${[18, 14, 12][level - 1]}pt" fo:font-weight="bold"/></style:style>`)
    .join('')}<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph"/><style:style style:name="Quotations" style:family="paragraph"><style:paragraph-properties fo:margin-left="1cm"/><style:text-properties fo:font-style="italic"/></style:style></office:styles></office:document-styles>`;
  const meta = `<?xml version="1.0" encoding="UTF-8"?><office:document-meta ${ns} office:version="1.3"><office:meta><dc:title>${escape(title)}</dc:title><meta:generator>Leitplanke</meta:generator></office:meta></office:document-meta>`;
  const manifest = `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/></manifest:manifest>`;
  return zipSync(
    {
      mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
      'content.xml': strToU8(content),
      'styles.xml': strToU8(styles),
      'meta.xml': strToU8(meta),
      'META-INF/manifest.xml': strToU8(manifest),
    },
    { level: 6 },
  );
}
