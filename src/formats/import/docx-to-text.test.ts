import { crc32 } from 'node:zlib';
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../../domain/plans/import/parse-plan-text.ts';
import { shapeOf } from '../../domain/plans/import/test-support/plan-shape.ts';
import { sequentialIds } from '../../domain/shared/ids.ts';
import { docxToPlanText } from './docx-to-text.ts';

const numbering = {
  config: [
    {
      reference: 'points',
      levels: [
        { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START },
        { level: 1, format: LevelFormat.LOWER_LETTER, text: '%2)', alignment: AlignmentType.START },
      ],
    },
  ],
};

async function docxOf(children: Paragraph[]): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(new Document({ numbering, sections: [{ children }] })));
}

async function planOf(children: Paragraph[]) {
  const converted = await docxToPlanText(await docxOf(children));
  if (!converted.ok) throw new Error(converted.message);
  const result = parsePlanText(converted.text, { newId: sequentialIds() });
  return { text: converted.text, problems: result.problems, plan: shapeOf(result.plan!) };
}

const heading = (
  text: string,
  level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_2,
) => new Paragraph({ text, heading: level });
const point = (text: string, level = 0) => new Paragraph({ text, numbering: { reference: 'points', level } });

describe('docxToPlanText', () => {
  it('reads points typed as text, with headings and emphasis', async () => {
    const { plan } = await planOf([
      heading('Framework for Peace', HeadingLevel.HEADING_1),
      new Paragraph('The parties agree as follows.'),
      heading('Ending the war'),
      new Paragraph({
        children: [
          new TextRun('1. A ceasefire shall take effect '),
          new TextRun({ text: 'at once', bold: true }),
          new TextRun('.'),
        ],
      }),
      new Paragraph('2. Heavy weapons shall be withdrawn:'),
      new Paragraph('a) artillery, to 25 km;'),
      new Paragraph('b) rockets, to 35 km.'),
      heading('Prisoners'),
      new Paragraph('3. All for all.'),
      new Paragraph({ children: [new TextRun({ text: 'The exchange dates are open.', italics: true })] }),
    ]);
    expect(plan.title).toBe('Framework for Peace');
    expect(plan.preamble).toBe('The parties agree as follows.');
    expect(plan.areas).toEqual(['Ending the war', 'Prisoners']);
    expect(plan.points.map((p) => [p.number, p.area, p.text])).toEqual([
      ['1', 'Ending the war', 'A ceasefire shall take effect **at once**.'],
      ['2', 'Ending the war', 'Heavy weapons shall be withdrawn:'],
      ['3', 'Prisoners', 'All for all.'],
    ]);
    expect(plan.points[1]?.items).toEqual(['a: artillery, to 25 km;', 'b: rockets, to 35 km.']);
    expect(plan.notes).toEqual([{ after: 2, text: '*The exchange dates are open.*' }]);
  });

  it('turns real Word numbering into typed numbers, nested levels into letters, bullets into •', async () => {
    const { plan, text, problems } = await planOf([
      heading('Ceasefire Plan', HeadingLevel.HEADING_1),
      heading('Security'),
      point('The parties shall cease fire.'),
      point('They shall withdraw:'),
      point('artillery;', 1),
      point('rockets.', 1),
      new Paragraph({ text: 'at border crossings', bullet: { level: 0 } }),
      heading('Humanitarian'),
      point('Prisoners shall be released.'),
      point('Access shall be unimpeded.'),
    ]);
    expect(text).toContain('1. The parties shall cease fire.');
    expect(text).toContain('   a. artillery;');
    expect(plan.areas).toEqual(['Security', 'Humanitarian']);
    expect(plan.points.map((p) => [p.number, p.area])).toEqual([
      ['1', 'Security'],
      ['2', 'Security'],
      ['1', 'Humanitarian'],
      ['2', 'Humanitarian'],
    ]);
    expect(plan.points[1]?.items).toEqual(['a: artillery;', 'b: rockets.', '• at border crossings']);
    expect(problems).toEqual([]);
  });

  it('keeps a number the author typed inside a Word list item instead of doubling it', async () => {
    const { plan } = await planOf([
      heading('Plan', HeadingLevel.HEADING_1),
      point('7. Typed seven.'),
      point('Next one.'),
    ]);
    expect(plan.points.map((p) => [p.number, p.text])).toEqual([
      ['7', 'Typed seven.'],
      ['1', 'Next one.'],
    ]);
  });

  it.each([
    ['an empty buffer', new Uint8Array(), /^the file is empty/],
    ['random bytes', Uint8Array.from({ length: 512 }, (_, i) => (i * 7919) % 256), /not a ZIP archive/],
    [
      'an old .doc file',
      Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      /old Word \.doc/,
    ],
    ['a ZIP that is not Word', zipOf('notes.txt', 'hello'), /not a Word document/],
    [
      'a truncated ZIP',
      Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]),
      /could not be read|not a Word document/,
    ],
  ])('refuses %s with a clear message and no throw', async (_name, bytes, message) => {
    const result = await docxToPlanText(bytes);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});

/** A one-file ZIP (stored, not compressed), built by hand so that the test needs no ZIP library. */
function zipOf(name: string, content: string): Uint8Array {
  const nameBytes = Buffer.from(name);
  const data = Buffer.from(content);
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  const localSize = local.length + nameBytes.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(localSize, 16);
  return new Uint8Array(Buffer.concat([local, nameBytes, data, central, nameBytes, end]));
}
