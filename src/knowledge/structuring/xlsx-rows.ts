import { strFromU8, unzipSync } from 'fflate';
import { Parser } from 'htmlparser2';

function parseXml(xml: string, handlers: { open?: (name: string, attributes: Record<string, string>) => void; text?: (value: string) => void; close?: (name: string) => void }): void {
  // Element names without their namespace prefix: the Open XML SDK writes <x:row>, <x:c> …
  const local = (name: string) => name.slice(name.indexOf(':') + 1);
  const parser = new Parser(
    { onopentag: (name, attributes) => handlers.open?.(local(name), attributes), ontext: handlers.text, onclosetag: (name) => handlers.close?.(local(name)) },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
}

/** Column of a cell reference ("C7" → 2); without a reference (it is optional) the next column. */
function columnIndex(reference: string | undefined, next: number): number {
  const letters = reference ? /^[A-Z]+/.exec(reference)?.[0] : undefined;
  if (!letters) return next;
  let index = 0;
  for (const letter of letters) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
}

/** The first worksheet of an XLSX workbook as rows of cell texts (shared, inline and plain values). */
export function xlsxRows(bytes: Uint8Array): string[][] {
  const files = unzipSync(bytes, { filter: (file) => file.name.startsWith('xl/') });
  const read = (name: string) => (files[name] ? strFromU8(files[name]) : undefined);
  const shared: string[] = [];
  const sharedXml = read('xl/sharedStrings.xml');
  if (sharedXml) {
    let current: string | undefined;
    let inText = false;
    parseXml(sharedXml, {
      open: (name) => {
        if (name === 'si') current = '';
        if (name === 't') inText = true;
      },
      text: (value) => {
        if (inText && current !== undefined) current += value;
      },
      close: (name) => {
        if (name === 't') inText = false;
        if (name === 'si') shared.push(current ?? '');
      },
    });
  }
  const sheetName = firstSheet(read) ?? Object.keys(files).filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name)).sort()[0];
  const sheet = sheetName ? read(sheetName) : undefined;
  if (!sheet) throw new Error('no worksheet');
  const rows: string[][] = [];
  let row: string[] | undefined;
  let cell: { column: number; type: string; value: string } | undefined;
  let capture = false;
  parseXml(sheet, {
    open: (name, attributes) => {
      if (name === 'row') row = [];
      if (name === 'c') cell = { column: columnIndex(attributes.r, row?.length ?? 0), type: attributes.t ?? 'n', value: '' };
      if (name === 'v' || name === 't') capture = true;
    },
    text: (value) => {
      if (capture && cell) cell.value += value;
    },
    close: (name) => {
      if (name === 'v' || name === 't') capture = false;
      if (name === 'c' && cell && row) {
        const value = cell.type === 's' ? (shared[Number(cell.value)] ?? '') : cell.value;
        while (row.length < cell.column) row.push('');
        row[cell.column] = value;
        cell = undefined;
      }
      if (name === 'row' && row) {
        rows.push(row);
        row = undefined;
      }
    },
  });
  return rows;
}

function firstSheet(read: (name: string) => string | undefined): string | undefined {
  const workbook = read('xl/workbook.xml');
  const relations = read('xl/_rels/workbook.xml.rels');
  if (!workbook || !relations) return undefined;
  const relationId = /<(?:\w+:)?sheet\b[^>]*\br:id="([^"]+)"/.exec(workbook)?.[1];
  const target = relationId ? new RegExp(`<Relationship\\b[^>]*Id="${relationId}"[^>]*Target="([^"]+)"`).exec(relations)?.[1] ?? new RegExp(`<Relationship\\b[^>]*Target="([^"]+)"[^>]*Id="${relationId}"`).exec(relations)?.[1] : undefined;
  if (!target) return undefined;
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}
