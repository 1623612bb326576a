import { Document, Packer, Paragraph } from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { docxToPlanText } from './docx-to-text.ts';
import { MAX_UNPACKED_BYTES, unpackedSize } from './zip-size.ts';

describe('unpackedSize', () => {
  it('adds up the uncompressed sizes of a real Word file', async () => {
    const doc = new Document({ sections: [{ children: [new Paragraph('1. A ceasefire takes effect.')] }] });
    const bytes = new Uint8Array(await Packer.toBuffer(doc));
    const zip = await JSZip.loadAsync(bytes);
    let expected = 0;
    for (const file of Object.values(zip.files))
      if (!file.dir) expected += (await file.async('uint8array')).length;
    expect(unpackedSize(bytes)).toBe(expected);
  });

  it('says null for bytes without a ZIP directory', () => {
    expect(unpackedSize(new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]))).toBeNull();
  });

  it('refuses a small archive that would unpack beyond the limit, before unpacking it', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', 'a'.repeat(MAX_UNPACKED_BYTES + 1024));
    const bomb = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    const result = await docxToPlanText(bomb);
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/unpacks to \d+ MB/) });
  });
});
