import type { CSSProperties } from 'react';

/** The areas' inline styles, with logical properties only (inline-start/end), so Arabic mirrors the layout. */
export const card: CSSProperties = {
  border: '1px solid #d8dce3',
  borderRadius: 8,
  padding: 12,
  background: '#fff',
  minWidth: 0,
};
export const grid: CSSProperties = {
  display: 'grid',
  gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))',
  gap: 12,
};
export const row: CSSProperties = { display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' };
export const muted: CSSProperties = { color: '#5b6472', fontSize: 12 };
export const chip = (active = false): CSSProperties => ({
  border: '1px solid #9aa3b2',
  borderRadius: 999,
  padding: '2px 10px',
  background: active ? '#1f4fd1' : '#fff',
  color: active ? '#fff' : '#1d2330',
  cursor: 'pointer',
  fontSize: 13,
});
export const badge = (tone: 'good' | 'warn' | 'bad' | 'info'): CSSProperties => ({
  display: 'inline-block',
  borderRadius: 4,
  padding: '0 6px',
  fontSize: 12,
  color: '#fff',
  background: { good: '#1b7f3b', warn: '#b86e00', bad: '#c0262d', info: '#3a5bb8' }[tone],
});
