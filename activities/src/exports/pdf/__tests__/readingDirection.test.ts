import { readingDirection } from '../readingDirection';

it('lays documents out right to left for Arabic and Hebrew readers, else left to right', () => {
  expect(readingDirection('ar')).toBe('rtl');
  expect(readingDirection('ar-EG')).toBe('rtl');
  expect(readingDirection('he_IL')).toBe('rtl');
  expect(readingDirection('fr')).toBe('ltr');
  expect(readingDirection('en')).toBe('ltr');
  expect(readingDirection('arn')).toBe('ltr'); // Mapudungun, not Arabic
  expect(readingDirection(undefined)).toBe('ltr');
  expect(readingDirection(null)).toBe('ltr');
});
