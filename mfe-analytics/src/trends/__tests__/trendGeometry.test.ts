import type { TrendPoint } from '../../api/analyticsTypes';
import { trendGeometry } from '../trendGeometry';

const point = (key: string, value: number | null): TrendPoint => ({
  key,
  start: `${key}T00:00:00.000Z`,
  end: `${key}T00:00:00.000Z`,
  count: value === null ? 0 : 3,
  value,
});

describe('trendGeometry', () => {
  it('scales the series to the box, highest value at the top', () => {
    const plot = trendGeometry(
      [point('2026-01-01', 10), point('2026-01-02', 20), point('2026-01-03', 15)],
      104,
      54,
      2,
    );
    expect(plot.segments).toEqual(['2,52 52,2 102,27']);
    expect(plot).toMatchObject({ min: 10, max: 20 });
  });

  it('breaks the line at an empty bucket instead of drawing a zero', () => {
    const plot = trendGeometry(
      [point('a', 1), point('b', 2), point('c', null), point('d', 3), point('e', 4)],
      100,
      50,
      0,
    );
    expect(plot.segments).toHaveLength(2);
    expect(plot.dots.map((d) => d.point.key)).toEqual(['a', 'b', 'd', 'e']);
  });

  it('draws nothing for a series without values', () => {
    expect(trendGeometry([point('a', null)], 100, 50)).toEqual({ segments: [], dots: [], min: 0, max: 0 });
  });
});
