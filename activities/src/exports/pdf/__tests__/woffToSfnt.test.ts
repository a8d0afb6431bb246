import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { woffToSfnt } from '../woffToSfnt';

const woffFile = (spec: string) => readFileSync(require.resolve(spec));

it.each([
  ['@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff', 'Hélène Dupré'],
  ['@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff', 'ضياء ادريس'],
])('unpacks %s into the same font fontkit reads from the WOFF', (spec, text) => {
  const woff = woffFile(spec);
  const sfnt = woffToSfnt(woff);
  expect(sfnt.readUInt32BE(0)).toBe(0x00010000); // TrueType outlines
  const fromWoff = fontkit.create(woff) as fontkit.Font;
  const fromSfnt = fontkit.create(sfnt) as fontkit.Font;
  expect(fromSfnt.type).toBe('TTF');
  expect(fromSfnt.numGlyphs).toBe(fromWoff.numGlyphs);
  expect(fromSfnt.postscriptName).toBe(fromWoff.postscriptName);
  const shaped = (f: fontkit.Font) =>
    f.layout(text).glyphs.map((g) => [g.id, g.advanceWidth, g.path.toSVG()]);
  expect(shaped(fromSfnt)).toEqual(shaped(fromWoff));
});

it('refuses a file that is not WOFF 1.0', () => {
  expect(() => woffToSfnt(Buffer.from('wOF2....'))).toThrow('not a WOFF 1.0 file');
});
