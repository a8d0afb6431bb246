/** A small trend line drawn left to right in time (kept LTR in Arabic too: time reads that way in charts). */
export const Sparkline = ({
  values,
  label,
  width = 120,
  height = 32,
}: {
  values: number[];
  label: string;
  width?: number;
  height?: number;
}) => {
  if (values.length < 2) return null;
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const points = values
    .map(
      (v, i) =>
        `${((i / (values.length - 1)) * width).toFixed(1)},${(height - ((v - min) / span) * height).toFixed(1)}`,
    )
    .join(' ');
  return (
    <svg
      role="img"
      aria-label={label}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      style={{ direction: 'ltr' }}
    >
      <polyline fill="none" stroke="#1f4fd1" strokeWidth={2} points={points} />
    </svg>
  );
};
