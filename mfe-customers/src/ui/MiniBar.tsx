/** A horizontal bar for a share from 0 to 1 (a health factor's value, a churn driver's weight). */
export const MiniBar = ({
  value,
  label,
  tone = '#1f4fd1',
}: {
  value: number;
  label: string;
  tone?: string;
}) => {
  const pct = Math.round(Math.max(0, Math.min(1, value)) * 100);
  return (
    <div
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={pct}
      style={{ background: '#e8ebf1', borderRadius: 3, height: 8, width: '100%' }}
    >
      <div style={{ width: `${pct}%`, height: 8, borderRadius: 3, background: tone }} />
    </div>
  );
};
