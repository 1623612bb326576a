/** Limits for what a Word file may unpack to: far above any real plan, far below what hurts the server. */
export const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/**
 * The total uncompressed size recorded in a ZIP archive's central directory (PKWARE APPNOTE
 * 4.3.12/4.3.16), or null when the directory cannot be read or uses ZIP64 (sizes beyond 4 GB).
 * Read before unpacking, so that a small "zip bomb" is refused instead of filling memory.
 */
export function unpackedSize(zip: Uint8Array): number | null {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  // The end record is within the last 64 KiB + 22 bytes (its comment is at most 65,535 bytes).
  let end = -1;
  for (let i = zip.byteLength - 22; i >= Math.max(0, zip.byteLength - 65_557); i--) {
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const entries = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > zip.byteLength || view.getUint32(offset, true) !== CENTRAL) return null;
    const size = view.getUint32(offset + 24, true);
    if (size === 0xffffffff) return null;
    total += size;
    offset +=
      46 +
      view.getUint16(offset + 28, true) +
      view.getUint16(offset + 30, true) +
      view.getUint16(offset + 32, true);
  }
  return total;
}
