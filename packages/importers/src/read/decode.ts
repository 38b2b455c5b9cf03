import { Readable } from 'node:stream';

/**
 * What exports are actually written in: UTF-8 (with or without a BOM), UTF-16 from Excel's
 * "Unicode text", and Windows-1252 from older Windows tools.
 */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DetectedEncoding {
  encoding: TextEncoding;
  /** Bytes of byte-order mark to drop. */
  bomLength: number;
}

/** Bytes looked at to decide the encoding: enough for a header and a few rows. */
const SNIFF_BYTES = 64 * 1024;

export function detectEncoding(head: Uint8Array): DetectedEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  // UTF-16 without a BOM: ASCII text leaves every other byte zero.
  const pairs = Math.min(head.length >> 1, 512);
  let zeroOdd = 0;
  let zeroEven = 0;
  for (let i = 0; i < pairs; i++) {
    if (head[2 * i] === 0) zeroEven++;
    if (head[2 * i + 1] === 0) zeroOdd++;
  }
  if (pairs >= 4 && zeroOdd > pairs * 0.3 && zeroEven === 0) return { encoding: 'utf-16le', bomLength: 0 };
  if (pairs >= 4 && zeroEven > pairs * 0.3 && zeroOdd === 0) return { encoding: 'utf-16be', bomLength: 0 };
  try {
    // `stream: true` lets a character cut off at the end of the sample pass; anything else invalid throws.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return { encoding: 'utf-8', bomLength: 0 };
  } catch {
    return { encoding: 'windows-1252', bomLength: 0 };
  }
}

export interface DecodedText {
  encoding: TextEncoding;
  /** The first bytes as text, for sniffing the delimiter and the header. */
  head: string;
  /**
   * The whole file without its BOM: UTF-8 bytes passed through untouched (the CSV parser decodes
   * them, and re-encoding 200 MB would cost seconds), other encodings decoded to strings.
   */
  text: Readable;
}

/**
 * Turns a byte stream into text whatever its encoding. Decoding is streaming (`TextDecoder` with
 * `stream: true` keeps a character split across chunks whole), so memory stays flat.
 * `onBytes` is told how many bytes of the file were consumed, for progress.
 */
export async function decodeStream(input: Readable, onBytes?: (bytes: number) => void): Promise<DecodedText> {
  const iterator = input[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const buffered: Buffer[] = [];
  let size = 0;
  let done = false;
  while (size < SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    buffered.push(chunk);
    size += chunk.length;
  }
  const headBytes = Buffer.concat(buffered);
  const detected = detectEncoding(headBytes);
  const decoder = new TextDecoder(detected.encoding, { fatal: false, ignoreBOM: true });
  const head = new TextDecoder(detected.encoding, { ignoreBOM: true }).decode(headBytes.subarray(detected.bomLength), {
    stream: true,
  });

  const passThrough = detected.encoding === 'utf-8';
  async function* chunks(): AsyncGenerator<string | Buffer> {
    const first = headBytes.subarray(detected.bomLength);
    onBytes?.(headBytes.length);
    if (first.length > 0) yield passThrough ? first : decoder.decode(first, { stream: true });
    if (!done) {
      for (;;) {
        const next = await iterator.next();
        if (next.done) break;
        const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
        onBytes?.(chunk.length);
        if (passThrough) {
          yield chunk;
          continue;
        }
        const text = decoder.decode(chunk, { stream: true });
        if (text.length > 0) yield text;
      }
    }
    if (!passThrough) {
      const rest = decoder.decode();
      if (rest.length > 0) yield rest;
    }
  }

  return { encoding: detected.encoding, head, text: Readable.from(chunks(), { objectMode: false }) };
}
