// Small real files attached to demo tickets: a screenshot (PNG), a log extract, a spreadsheet export.
import { deflateSync } from "node:zlib";

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A small grey "screenshot" with a red error banner, as a valid PNG. */
export function screenshotPng(seed: number): Uint8Array {
  const w = 160;
  const h = 100;
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) {
    raw[y * (w * 3 + 1)] = 0;
    for (let x = 0; x < w; x++) {
      const o = y * (w * 3 + 1) + 1 + x * 3;
      const banner = y > 40 && y < 60 && x > 20 && x < 140;
      const bar = y < 12;
      const [r, g, b] = banner ? [200, 40, 40] : bar ? [40, 70, 120 + (seed % 60)] : [235, 235, 235];
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk("IHDR", ihdr),
      chunk("IDAT", deflateSync(raw)),
      chunk("IEND", new Uint8Array()),
    ]),
  );
}

export function logText(subject: string, at: Date): Uint8Array {
  const t = at.toISOString();
  return new TextEncoder().encode(
    `${t} INFO  session ouverte\n${t} WARN  délai de réponse dépassé (30 s)\n${t} ERROR ${subject}\n`,
  );
}

export function exportCsv(rows: number): Uint8Array {
  const lines = ["numero;date;montant_centimes"];
  for (let i = 1; i <= rows; i++)
    lines.push(`${i};2026-01-${String((i % 28) + 1).padStart(2, "0")};${i * 1250}`);
  return new TextEncoder().encode(lines.join("\n") + "\n");
}
