/**
 * Text bytes → string. UTF-8 (with or without BOM) and UTF-16 are read as they are; a file that is
 * not valid UTF-8 is an old 8-bit file: TCVN3 or VNI when it looks like one, else Windows-1258, the
 * Vietnamese Windows code page. Legacy fonts are also repaired in files already saved as UTF-8.
 */
import iconv from "iconv-lite";
import { type LegacyEncoding, repairLegacy } from "./legacy.js";

/** The decoded text with the encoding it was read in and what a human should know about it. */
export interface Decoded {
  text: string;
  /** "utf-8", "utf-16le", "utf-16be", "windows-1258", "tcvn3", "vni", or a declared charset. */
  encoding: string;
  warnings: string[];
}

const LEGACY_NAMES: Record<LegacyEncoding, string> = { tcvn3: "TCVN3", vni: "VNI" };

/** Guesses UTF-16 without a BOM: ASCII-heavy text leaves a zero in every other byte. */
export function sniffUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd > pairs * 0.2 && even < pairs * 0.02) return "utf-16le";
  if (even > pairs * 0.2 && odd < pairs * 0.02) return "utf-16be";
  return null;
}

function utf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
}

/** How to decode: `declared` is a charset the container names (an HTML <meta>). */
export interface DecodeOptions {
  declared?: string;
  /** Repair TCVN3/VNI text (default true); HTML repairs after its markup is gone instead. */
  legacy?: boolean;
}

function withLegacy(text: string, encoding: string, warnings: string[], legacy = true): Decoded {
  const repaired = legacy ? repairLegacy(text) : { text, encoding: null };
  if (!repaired.encoding) return { text, encoding, warnings };
  return {
    text: repaired.text,
    encoding: repaired.encoding,
    warnings: [...warnings, `decoded from ${LEGACY_NAMES[repaired.encoding]}`],
  };
}

/**
 * Decodes a text file's bytes. A BOM and valid UTF-8 win over a declared charset, since pages
 * often lie about theirs.
 *
 * @example
 * decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x41])).text; // "A"
 */
export function decode(bytes: Uint8Array, options: DecodeOptions = {}): Decoded {
  const b = bytes;
  const legacy = options.legacy ?? true;
  const read = (text: string, encoding: string) => withLegacy(text, encoding, [], legacy);
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
    return read(new TextDecoder("utf-8").decode(b.subarray(3)), "utf-8");
  }
  if (b[0] === 0xff && b[1] === 0xfe)
    return read(iconv.decode(Buffer.from(b.subarray(2)), "utf-16le"), "utf-16le");
  if (b[0] === 0xfe && b[1] === 0xff)
    return read(iconv.decode(Buffer.from(b.subarray(2)), "utf-16be"), "utf-16be");
  const sixteen = sniffUtf16(b);
  if (sixteen) return read(iconv.decode(Buffer.from(b), sixteen), sixteen);
  const text = utf8(b);
  if (text !== null) return read(text, "utf-8");
  const charset = options.declared?.toLowerCase();
  if (charset && charset !== "utf-8" && charset !== "utf8" && iconv.encodingExists(charset)) {
    return read(iconv.decode(Buffer.from(b), charset), charset);
  }
  // Not UTF-8: an 8-bit file. Legacy fonts first (their bytes read one-to-one), else CP1258.
  const repaired = legacy ? repairLegacy(latin1(b)) : { text: "", encoding: null };
  if (repaired.encoding) {
    return {
      text: repaired.text,
      encoding: repaired.encoding,
      warnings: [`decoded from ${LEGACY_NAMES[repaired.encoding]}`],
    };
  }
  return {
    text: iconv.decode(Buffer.from(b), "windows-1258"),
    encoding: "windows-1258",
    warnings: ["invalid UTF-8: decoded as Windows-1258"],
  };
}
