import PDFDocument from 'pdfkit';
import type { ReportChart, ReportDocument, ReportTable } from './report-document.js';

type Doc = InstanceType<typeof PDFDocument>;
type Struct = ReturnType<Doc['struct']>;

const colours = { text: '#1b1f23', muted: '#4f5660', primary: '#0b5a32', rule: '#8a939c', head: '#f4f6f5' };
const fonts = { regular: 'Helvetica', bold: 'Helvetica-Bold' };

/**
 * The yearly report as a tagged PDF (headings, paragraphs, tables and figures with alternative text),
 * drawn with pdfkit's built-in fonts, so no browser or font file is needed at run time.
 */
export function reportPdf(document: ReportDocument, options: { compress?: boolean } = {}): Promise<Buffer> {
  const doc: Doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    pdfVersion: '1.7',
    tagged: true,
    lang: document.language === 'de' ? 'de-DE' : 'en-GB',
    displayTitle: true,
    compress: options.compress ?? true,
    info: { Title: `${document.title} – ${document.subtitle}`, Author: document.subtitle, Creator: 'Leitplanke' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const root = doc.struct('Document');
  doc.addStructure(root);
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const left = doc.page.margins.left;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const ensureSpace = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };

  const paragraph = (parent: Struct, value: string, size = 10.5, colour = colours.text) => {
    doc.font(fonts.regular).fontSize(size);
    ensureSpace(doc.heightOfString(value, { width }) + 6);
    parent.add(doc.struct('P', {}, () => doc.fillColor(colour).text(value, left, doc.y, { width })));
    doc.moveDown(0.5);
  };
  const heading = (parent: Struct, tag: 'H1' | 'H2', value: string) => {
    const size = tag === 'H1' ? 22 : 15;
    ensureSpace(size * 4);
    if (tag === 'H2') doc.moveDown(0.8);
    parent.add(doc.struct(tag, {}, () => doc.font(fonts.bold).fontSize(size).fillColor(colours.primary).text(value, left, doc.y, { width })));
    doc.moveDown(0.3);
  };

  heading(root, 'H1', document.title);
  paragraph(root, document.subtitle, 14);
  for (const line of document.intro) paragraph(root, line);
  for (const section of document.sections) {
    const sect = doc.struct('Sect');
    root.add(sect);
    heading(sect, 'H2', section.heading);
    for (const line of section.paragraphs) paragraph(sect, line);
    if (section.chart) chart(doc, sect, section.chart, { left, width, ensureSpace });
    for (const table of [section.table, ...(section.extraTables ?? [])]) if (table) tableBlock(doc, sect, table, { left, width, ensureSpace });
    sect.end();
  }
  for (const line of document.footer) paragraph(root, line, 9, colours.muted);
  root.end();
  doc.end();
  return done;
}

type Layout = { left: number; width: number; ensureSpace: (height: number) => void };

function chart(doc: Doc, parent: Struct, spec: ReportChart, layout: Layout): void {
  const barHeight = 13;
  const gap = 5;
  const labelWidth = 140;
  const valueWidth = 90;
  const plot = layout.width - labelWidth - valueWidth;
  const height = spec.bars.length * (barHeight + gap) + 24;
  layout.ensureSpace(height);
  const top = doc.y;
  const max = Math.max(0, ...spec.bars.map((bar) => bar.value));
  parent.add(
    doc.struct('Figure', { alt: `${spec.title}: ${spec.description}` }, () => {
      doc.font(fonts.bold).fontSize(10).fillColor(colours.text).text(spec.title, layout.left, top, { width: layout.width });
      spec.bars.forEach((bar, index) => {
        const y = top + 18 + index * (barHeight + gap);
        const length = max > 0 ? Math.max(bar.value > 0 ? 1.5 : 0, (bar.value / max) * plot) : 0;
        doc.font(fonts.regular).fontSize(8.5).fillColor(colours.text);
        doc.text(bar.label, layout.left, y + 2, { width: labelWidth - 8, align: 'right', lineBreak: false, ellipsis: true });
        if (length > 0) doc.rect(layout.left + labelWidth, y, length, barHeight).fill(colours.primary);
        doc.fillColor(colours.text).text(bar.display, layout.left + labelWidth + length + 4, y + 2, { lineBreak: false });
      });
    }),
  );
  doc.x = layout.left;
  doc.y = top + height;
}

function tableBlock(doc: Doc, parent: Struct, spec: ReportTable, layout: Layout): void {
  const firstWidth = Math.min(190, layout.width * 0.4);
  const otherWidth = (layout.width - firstWidth) / Math.max(1, spec.head.length - 1);
  const widths = spec.head.map((_, index) => (index === 0 ? firstWidth : otherWidth));
  const padding = 3;
  const table = doc.struct('Table');
  parent.add(table);
  layout.ensureSpace(40);
  table.add(doc.struct('Caption', {}, () => doc.font(fonts.bold).fontSize(10).fillColor(colours.text).text(spec.caption, layout.left, doc.y, { width: layout.width })));
  doc.moveDown(0.2);

  const row = (cells: string[], header: boolean) => {
    doc.font(header ? fonts.bold : fonts.regular).fontSize(header ? 8.5 : 9);
    const height = Math.max(...cells.map((value, index) => doc.heightOfString(value, { width: widths[index]! - 2 * padding }))) + 2 * padding;
    layout.ensureSpace(height + 2);
    const top = doc.y;
    if (header) {
      doc.markContent('Artifact', { type: 'Layout' });
      doc.rect(layout.left, top, layout.width, height).fill(colours.head);
      doc.endMarkedContent();
    }
    const tr = doc.struct('TR');
    table.add(tr);
    let x = layout.left;
    cells.forEach((value, index) => {
      const cellX = x;
      tr.add(
        doc.struct(header || index === 0 ? 'TH' : 'TD', {}, () =>
          doc
            .font(header || index === 0 ? fonts.bold : fonts.regular)
            .fillColor(colours.text)
            .text(value, cellX + padding, top + padding, { width: widths[index]! - 2 * padding, align: spec.numeric[index] ? 'right' : 'left' }),
        ),
      );
      x += widths[index]!;
    });
    tr.end();
    doc.markContent('Artifact', { type: 'Layout' });
    doc.moveTo(layout.left, top + height).lineTo(layout.left + layout.width, top + height).lineWidth(0.5).stroke(colours.rule);
    doc.endMarkedContent();
    doc.x = layout.left;
    doc.y = top + height;
  };

  row(spec.head, true);
  for (const cells of spec.rows) row(cells, false);
  table.end();
  doc.moveDown(0.8);
}
