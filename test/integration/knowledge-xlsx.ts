import { strToU8, zipSync } from 'fflate';

export type XlsxCell = string | number;
export type XlsxOptions = {
  /** Namespace prefix on every SpreadsheetML element, as the Open XML SDK writes it (e.g. "x"). */
  prefix?: string;
  /** Leave out the cells' `r` references (they are optional in OOXML). */
  withoutReferences?: boolean;
  /** Write texts as inline strings instead of shared strings. */
  inlineStrings?: boolean;
};

const escape = (value: string) => value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/**
 * A real XLSX workbook (Office Open XML zip) with one worksheet "Umfrage" holding the rows: what a
 * spreadsheet program writes, with shared strings (every third one as rich text runs), numbers as
 * numbers, and the workbook relations that point to the sheet.
 */
export function xlsxWorkbook(rows: XlsxCell[][], options: XlsxOptions = {}): Buffer {
  const p = options.prefix ? `${options.prefix}:` : '';
  const ns = options.prefix ? `xmlns:${options.prefix}` : 'xmlns';
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const shared: string[] = [];
  const sharedIndex = new Map<string, number>();
  const sheetRows = rows.map((row, rowIndex) => {
    const cells = row.map((value, columnIndex) => {
      const reference = options.withoutReferences ? '' : ` r="${columnName(columnIndex)}${rowIndex + 1}"`;
      if (typeof value === 'number') return `<${p}c${reference}><${p}v>${value}</${p}v></${p}c>`;
      if (options.inlineStrings) return `<${p}c${reference} t="inlineStr"><${p}is><${p}t xml:space="preserve">${escape(value)}</${p}t></${p}is></${p}c>`;
      let index = sharedIndex.get(value);
      if (index === undefined) {
        index = shared.push(value) - 1;
        sharedIndex.set(value, index);
      }
      return `<${p}c${reference} t="s"><${p}v>${index}</${p}v></${p}c>`;
    });
    return `<${p}row r="${rowIndex + 1}">${cells.join('')}</${p}row>`;
  });
  const sharedXml = shared.map((value, index) => {
    if (index % 3 !== 2 || !value.includes(' ')) return `<${p}si><${p}t xml:space="preserve">${escape(value)}</${p}t></${p}si>`;
    // Rich text: the first word bold, the rest plain — one string in two runs.
    const [first, ...rest] = value.split(' ');
    return `<${p}si><${p}r><${p}rPr><${p}b/></${p}rPr><${p}t>${escape(first!)}</${p}t></${p}r><${p}r><${p}t xml:space="preserve"> ${escape(rest.join(' '))}</${p}t></${p}r></${p}si>`;
  });
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}workbook ${ns}="${main}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><${p}sheets><${p}sheet name="Umfrage" sheetId="1" r:id="rId1"/></${p}sheets></${p}workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    'xl/worksheets/sheet1.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}worksheet ${ns}="${main}"><${p}sheetData>${sheetRows.join('')}</${p}sheetData></${p}worksheet>`),
    'xl/sharedStrings.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}sst ${ns}="${main}" count="${shared.length}" uniqueCount="${shared.length}">${sharedXml.join('')}</${p}sst>`,
    ),
  };
  return Buffer.from(zipSync(files));
}
