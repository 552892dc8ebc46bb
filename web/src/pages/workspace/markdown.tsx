import { Fragment, type ReactNode } from 'react';

/**
 * A small Markdown renderer for model answers. It builds React elements and never HTML strings, so
 * raw HTML in an answer stays visible text and cannot run (no sanitiser needed, ~3 KB instead of a
 * parser plus sanitiser). Headings start at h4, below the page's h1–h3: models mostly open with `##`, so
 * `#` and `##` become h4, `###` h5 and deeper ones h6.
 */
export type MarkdownOptions = {
  /** `[n]` becomes a link to the n-th source when the answer has sources. */
  citationHref?: (n: number) => string | undefined;
};

const SAFE_URL = /^(https?:\/\/|mailto:|\/(?!\/)|#)/i;

export function Markdown({ text, options = {} }: { text: string; options?: MarkdownOptions }) {
  return <>{blocks(text.replace(/\r\n?/g, '\n').split('\n'), options)}</>;
}

type Line = string;

function blocks(lines: Line[], options: MarkdownOptions): ReactNode[] {
  const out: ReactNode[] = [];
  let index = 0;
  const key = () => out.length;
  while (index < lines.length) {
    const line = lines[index]!;
    if (!line.trim()) {
      index++;
      continue;
    }
    const fence = /^\s*(```|~~~)\s*([\w+-]*)\s*$/.exec(line);
    if (fence) {
      const body: string[] = [];
      index++;
      while (index < lines.length && !lines[index]!.trim().startsWith(fence[1]!)) body.push(lines[index++]!);
      index++;
      out.push(
        <pre key={key()} tabIndex={0}>
          <code {...(fence[2] ? { 'data-language': fence[2] } : {})}>{body.join('\n')}</code>
        </pre>,
      );
      continue;
    }
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const level = Math.min(6, Math.max(4, heading[1]!.length + 2));
      const Tag = `h${level}` as 'h4' | 'h5' | 'h6';
      out.push(<Tag key={key()}>{inline(heading[2]!, options)}</Tag>);
      index++;
      continue;
    }
    if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(line)) {
      out.push(<hr key={key()} />);
      index++;
      continue;
    }
    if (/^\s*>/.test(line)) {
      const quoted: string[] = [];
      while (index < lines.length && /^\s*>/.test(lines[index]!)) quoted.push(lines[index++]!.replace(/^\s*>\s?/, ''));
      out.push(<blockquote key={key()}>{blocks(quoted, options)}</blockquote>);
      continue;
    }
    if (isTableStart(lines, index)) {
      const rows: string[][] = [];
      const header = cells(lines[index]!);
      index += 2;
      while (index < lines.length && lines[index]!.includes('|') && lines[index]!.trim()) rows.push(cells(lines[index++]!));
      out.push(
        <div key={key()} className="table-wrap">
          <table>
            <thead>
              <tr>
                {header.map((cell, column) => (
                  <th key={column} scope="col">
                    {inline(cell, options)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, rowIndex) => (
                <tr key={rowIndex}>
                  {header.map((_, column) => (
                    <td key={column}>{inline(row[column] ?? '', options)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>,
      );
      continue;
    }
    if (listMarker(line)) {
      const [node, next] = list(lines, index, options);
      out.push(<Fragment key={key()}>{node}</Fragment>);
      index = next;
      continue;
    }
    const paragraph: string[] = [];
    while (index < lines.length && lines[index]!.trim() && !startsBlock(lines, index)) paragraph.push(lines[index++]!.trim());
    out.push(<p key={key()}>{joinLines(paragraph, options)}</p>);
  }
  return out;
}

function startsBlock(lines: Line[], index: number): boolean {
  const line = lines[index]!;
  return /^\s*(```|~~~)/.test(line) || /^#{1,6}\s/.test(line) || /^\s*>/.test(line) || !!listMarker(line) || isTableStart(lines, index);
}

function listMarker(line: string): { indent: number; ordered: boolean; start: number; rest: string } | undefined {
  const match = /^(\s*)([-*+]|(\d{1,9})[.)])\s+(.*)$/.exec(line);
  if (!match) return undefined;
  return { indent: match[1]!.length, ordered: !!match[3], start: match[3] ? Number(match[3]) : 1, rest: match[4]! };
}

/** A list and, nested below its items, the lists that are indented further. */
function list(lines: Line[], start: number, options: MarkdownOptions): [ReactNode, number] {
  const first = listMarker(lines[start]!)!;
  const items: ReactNode[] = [];
  let index = start;
  while (index < lines.length) {
    const marker = listMarker(lines[index]!);
    if (!marker || marker.indent < first.indent || marker.ordered !== first.ordered) break;
    if (marker.indent > first.indent) break;
    index++;
    const body: string[] = [marker.rest];
    const children: ReactNode[] = [];
    while (index < lines.length && lines[index]!.trim()) {
      const nested = listMarker(lines[index]!);
      if (nested && nested.indent > first.indent) {
        const [node, next] = list(lines, index, options);
        children.push(<Fragment key={children.length}>{node}</Fragment>);
        index = next;
        continue;
      }
      if (nested || !/^\s+/.test(lines[index]!)) break;
      body.push(lines[index++]!.trim());
    }
    items.push(
      <li key={items.length}>
        {joinLines(body, options)}
        {children}
      </li>,
    );
    // A blank line between items keeps the list going.
    if (index < lines.length - 1 && !lines[index]!.trim() && listMarker(lines[index + 1]!)?.indent === first.indent) index++;
  }
  const node = first.ordered ? <ol start={first.start === 1 ? undefined : first.start}>{items}</ol> : <ul>{items}</ul>;
  return [node, index];
}

function isTableStart(lines: Line[], index: number): boolean {
  const header = lines[index];
  const separator = lines[index + 1];
  return !!header && !!separator && header.includes('|') && /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(separator);
}

function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((cell) => cell.trim());
}

function joinLines(lines: string[], options: MarkdownOptions): ReactNode[] {
  return lines.flatMap((line, index) => (index === 0 ? [<Fragment key={index}>{inline(line, options)}</Fragment>] : [<br key={`br${index}`} />, <Fragment key={index}>{inline(line, options)}</Fragment>]));
}

const INLINE = /(`+)([\s\S]*?[^`])\1(?!`)|\*\*(.+?)\*\*|__(.+?)__|(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?!\w)|(?<![\w_])_(?!\s)(.+?)(?<!\s)_(?!\w)|~~(.+?)~~|\[([^\]]+)\]\(([^)\s]+)(?:\s+"[^"]*")?\)|\[(\d{1,3})\]|(https?:\/\/[^\s<>()]+[^\s<>().,;:!?'"])/;

/** Code, bold, italic, strike-through, links (safe protocols only), citations and bare URLs. */
export function inline(text: string, options: MarkdownOptions): ReactNode[] {
  const out: ReactNode[] = [];
  let rest = text;
  while (rest) {
    const match = INLINE.exec(rest);
    if (!match) {
      out.push(rest);
      break;
    }
    if (match.index > 0) out.push(rest.slice(0, match.index));
    const key = out.length;
    const [whole, , code, bold, bold2, italic, italic2, strike, linkText, href, citation, url] = match;
    if (code !== undefined) out.push(<code key={key}>{code.trim()}</code>);
    else if (bold !== undefined || bold2 !== undefined) out.push(<strong key={key}>{inline((bold ?? bold2)!, options)}</strong>);
    else if (italic !== undefined || italic2 !== undefined) out.push(<em key={key}>{inline((italic ?? italic2)!, options)}</em>);
    else if (strike !== undefined) out.push(<del key={key}>{inline(strike, options)}</del>);
    else if (linkText !== undefined) {
      out.push(
        SAFE_URL.test(href!) ? (
          <a key={key} href={href} rel="noopener noreferrer">
            {inline(linkText, options)}
          </a>
        ) : (
          <Fragment key={key}>{whole}</Fragment>
        ),
      );
    } else if (citation !== undefined) {
      const target = options.citationHref?.(Number(citation));
      out.push(
        target ? (
          <a key={key} href={target} className="citation-ref">
            [{citation}]
          </a>
        ) : (
          <Fragment key={key}>{whole}</Fragment>
        ),
      );
    } else if (url !== undefined) {
      out.push(
        <a key={key} href={url} rel="noopener noreferrer">
          {url}
        </a>,
      );
    }
    rest = rest.slice(match.index + whole.length);
  }
  return out;
}
