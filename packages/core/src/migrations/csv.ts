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

export class CsvSplitter {
  private rest = "";
  private line = 1;
  private readonly delim: number;

  constructor(delimiter: string) {
    this.delim = delimiter.charCodeAt(0);
  }

  /** Splits what can be split of the text received so far; `final` when the file has ended. */
  push(text: string, final: boolean, out: CsvRecord[]): void {
    const s = this.rest + text;
    const n = s.length;
    const delim = this.delim;
    let pos = 0;
    let line = this.line;
    while (pos < n) {
      const start = pos;
      const fields: string[] = [];
      let i = pos;
      let breaks = 0; // line breaks inside quoted fields
      let quotedAny = false;
      let incomplete = false;
      for (;;) {
        if (i < n && s.charCodeAt(i) === QUOTE) {
          quotedAny = true;
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
            if (!final) {
              incomplete = true;
              break;
            }
            value += s.slice(seg);
            j = n;
          }
          breaks += countBreaks(s, i, j);
          // Text after the closing quote, up to the delimiter, is kept as it is (relaxed quotes).
          let k = j;
          while (k < n) {
            const c = s.charCodeAt(k);
            if (c === delim || c === LF || c === CR) break;
            k++;
          }
          if (k >= n && !final) {
            incomplete = true;
            break;
          }
          if (k > j) value += s.slice(j, k);
          fields.push(lf(value));
          i = k;
        } else {
          let j = i;
          while (j < n) {
            const c = s.charCodeAt(j);
            if (c === delim || c === LF || c === CR) break;
            j++;
          }
          if (j >= n && !final) {
            incomplete = true;
            break;
          }
          fields.push(s.slice(i, j));
          i = j;
        }
        if (i >= n) break;
        const c = s.charCodeAt(i);
        if (c === delim) {
          i++;
          continue;
        }
        break; // a line break ends the record
      }
      if (incomplete) {
        this.rest = s.slice(start);
        this.line = line;
        return;
      }
      const end = i;
      if (i < n) {
        if (s.charCodeAt(i) === CR) {
          if (i + 1 < n) i += s.charCodeAt(i + 1) === LF ? 2 : 1;
          else if (!final) {
            // A CR at the very end: its LF may come with the next chunk.
            this.rest = s.slice(start);
            this.line = line;
            return;
          } else i++;
        } else i++;
      }
      if (!(fields.length === 1 && !quotedAny && fields[0] === ""))
        out.push({ line, raw: quotedAny ? lf(s.slice(start, end)) : s.slice(start, end), fields });
      line += breaks + 1;
      pos = i;
    }
    this.rest = "";
    this.line = line;
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
