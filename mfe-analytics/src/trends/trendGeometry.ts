import type { TrendPoint } from '../api/analyticsTypes';

export type Plot = {
  segments: string[];
  dots: { x: number; y: number; point: TrendPoint }[];
  min: number;
  max: number;
};

/**
 * SVG polylines for a series in a `width`×`height` box: one polyline per run of non-empty buckets
 * (an empty bucket breaks the line rather than pretending a zero), scaled to the series' range.
 */
export const trendGeometry = (points: TrendPoint[], width: number, height: number, pad = 4): Plot => {
  const values = points.map((p) => p.value).filter((v): v is number => v !== null);
  if (values.length === 0) return { segments: [], dots: [], min: 0, max: 0 };
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const step = points.length > 1 ? (width - 2 * pad) / (points.length - 1) : 0;
  const segments: string[] = [];
  const dots: Plot['dots'] = [];
  let run: string[] = [];
  points.forEach((point, i) => {
    if (point.value === null) {
      if (run.length) segments.push(run.join(' '));
      run = [];
      return;
    }
    const x = Math.round((pad + i * step) * 10) / 10;
    const y = Math.round((height - pad - ((point.value - min) / span) * (height - 2 * pad)) * 10) / 10;
    run.push(`${x},${y}`);
    dots.push({ x, y, point });
  });
  if (run.length) segments.push(run.join(' '));
  return { segments, dots, min, max };
};
