// A streaming CSV splitter for the check run and the test load: decoded text in, records out, with the
// line number of each record in the original file and the record as it was. One pass over the
// characters, no per-row promise: csv-parse (with `info` and `raw`) capped the whole pipeline at a few
// tens of thousands of rows a second on this machine. Same reading as csv-parse with `relax_quotes`,
// `relax_column_count` and `skip_empty_lines`: a field opening with `"` is quoted (`""` inside), a `"`
// elsewhere is a plain character; CRLF, LF and lone CR all end a line (CR in values becomes LF).

export type CsvRecord = {
  /** Line number in the original file of the record's first physical line (1-based). */
  line: number;
  /** The record as it was (line breaks as LF, no final line break). */
  raw: string;
  fields: string[];
};

const QUOTE = 34;
const LF = 10;
const CR = 13;

const lf = (s: string) => (s.includes("\r") ? s.replace(/\r\n?/g, "\n") : s);

/** Where the last record read ends, its line breaks inside quotes, whether a field was quoted. */
type Scan = { end: number; next: number; breaks: number; quoted: boolean };

export class CsvSplitter {
  private rest = "";
  private line = 1;
  private readonly delim: number;
  private readonly scan: Scan = { end: 0, next: 0, breaks: 0, quoted: false };

  constructor(delimiter: string) {
    this.delim = delimiter.charCodeAt(0);
  }

  /** Splits what can be split of the text received so far; `final` when the file has ended. */
  push(text: string, final: boolean, out: CsvRecord[]): void {
    const s = this.rest ? this.rest + text : text;
    const n = s.length;
    const scan = this.scan;
    let pos = 0;
    let line = this.line;
    while (pos < n) {
      const fields = this.record(s, pos, final);
      if (fields === null) break;
      if (!(fields.length === 1 && !scan.quoted && fields[0] === ""))
        out.push({ line, raw: scan.quoted ? lf(s.slice(pos, scan.end)) : s.slice(pos, scan.end), fields });
      line += scan.breaks + 1;
      pos = scan.next;
    }
    this.rest = pos < n ? s.slice(pos) : "";
    this.line = line;
  }

  /** The fields of the record at `pos` (this.scan says where it ends), or null if it is cut short. */
  private record(s: string, pos: number, final: boolean): string[] | null {
    const n = s.length;
    const delim = this.delim;
    const fields: string[] = [];
    const scan = this.scan;
    scan.breaks = 0;
    scan.quoted = false;
    let i = pos;
    for (;;) {
      if (i < n && s.charCodeAt(i) === QUOTE) {
        const j = this.quoted(s, i, final, fields);
        if (j < 0) return null;
        i = j;
      } else {
        let j = i;
        while (j < n) {
          const c = s.charCodeAt(j);
          if (c === delim || c === LF || c === CR) break;
          j++;
        }
        if (j >= n && !final) return null;
        fields.push(s.slice(i, j));
        i = j;
      }
      if (i < n && s.charCodeAt(i) === delim) i++;
      else break;
    }
    scan.end = i;
    if (i < n) {
      if (s.charCodeAt(i) === CR) {
        if (i + 1 < n) i += s.charCodeAt(i + 1) === LF ? 2 : 1;
        else if (!final)
          return null; // its LF may come with the next chunk
        else i++;
      } else i++;
    }
    scan.next = i;
    return fields;
  }

  /** Reads the quoted field at `i` into fields; where it ends, or -1 if it is cut short. */
  private quoted(s: string, i: number, final: boolean, fields: string[]): number {
    const n = s.length;
    const delim = this.delim;
    this.scan.quoted = true;
    let j = i + 1;
    let seg = j;
    let value = "";
    let closed = false;
    for (;;) {
      const q = s.indexOf('"', j);
      if (q < 0) break;
      if (q + 1 < n && s.charCodeAt(q + 1) === QUOTE) {
        value += s.slice(seg, q + 1);
        j = seg = q + 2;
        continue;
      }
      if (q + 1 >= n && !final) break; // a `""` may be cut between two chunks
      value += s.slice(seg, q);
      j = q + 1;
      closed = true;
      break;
    }
    if (!closed) {
      if (!final) return -1;
      value += s.slice(seg);
      j = n;
    }
    this.scan.breaks += countBreaks(s, i, j);
    // Text after the closing quote, up to the delimiter, is kept as it is (relaxed quotes).
    let k = j;
    while (k < n) {
      const c = s.charCodeAt(k);
      if (c === delim || c === LF || c === CR) break;
      k++;
    }
    if (k >= n && !final) return -1;
    if (k > j) value += s.slice(j, k);
    fields.push(lf(value));
    return k;
  }
}

/** Line breaks (CRLF, LF or CR) in s[from, to). */
function countBreaks(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === LF) n++;
    else if (c === CR) {
      n++;
      if (i + 1 < to && s.charCodeAt(i + 1) === LF) i++;
    }
  }
  return n;
}
