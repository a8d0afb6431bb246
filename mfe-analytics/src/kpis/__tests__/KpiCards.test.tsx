import { render, screen } from '@testing-library/react';
import { IntlProvider } from 'react-intl';
import type { Kpi, KpiKey, Overview } from '../../api/analyticsTypes';
import { KPI_KEYS } from '../../api/analyticsTypes';
import { ANALYTICS_MESSAGES } from '../../i18n/analyticsMessages';
import { KpiCards } from '../KpiCards';
import { changeTone } from '../kpiFormat';

const kpi = (current: number | null, previous: number | null): Kpi => ({
  current,
  previous,
  change: current !== null && previous !== null ? current - previous : null,
  changePercent: current !== null && previous ? ((current - previous) / previous) * 100 : null,
});

const overview = (): Overview => {
  const kpis = Object.fromEntries(KPI_KEYS.map((k) => [k, kpi(null, null)])) as Record<KpiKey, Kpi>;
  kpis.revenue = kpi(12345.5, 10000);
  kpis.slaBreachRate = kpi(12.5, 10);
  kpis.customers = kpi(1200, 1200);
  return { previousRange: { from: '2026-04-16T00:00:00Z', to: '2026-05-16T00:00:00Z' }, kpis };
};

const renderIn = (locale: 'en' | 'fr' | 'ar') =>
  render(
    <IntlProvider locale={locale} messages={ANALYTICS_MESSAGES[locale]}>
      <KpiCards overview={overview()} />
    </IntlProvider>,
  );

describe('KpiCards', () => {
  it('formats values and changes with the locale’s digits and separators', () => {
    renderIn('fr');
    const revenue = screen.getByTestId('kpi-revenue');
    expect(revenue.textContent).toContain('Chiffre d’affaires');
    expect(revenue.textContent).toContain('12\u202f345,50');
    expect(screen.getByTestId('kpi-revenue-change').textContent).toContain('+23,5\u00a0%');
  });

  it('formats Arabic by the Arabic locale rules (bidi marks around the sign and percent)', () => {
    renderIn('ar');
    const money = new Intl.NumberFormat('ar', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const percent = new Intl.NumberFormat('ar', {
      style: 'percent',
      maximumFractionDigits: 1,
      signDisplay: 'exceptZero',
    });
    expect(percent.format(0.235)).not.toBe(
      new Intl.NumberFormat('en', {
        style: 'percent',
        maximumFractionDigits: 1,
        signDisplay: 'exceptZero',
      }).format(0.235),
    );
    expect(screen.getByTestId('kpi-revenue').textContent).toContain(money.format(12345.5));
    expect(screen.getByTestId('kpi-revenue-change').textContent).toContain(percent.format(0.235));
    expect(screen.getByTestId('kpi-revenue').textContent).toContain('الإيرادات');
  });

  it('marks a rise of a lower-is-better KPI as bad news, and an unchanged one as flat', () => {
    renderIn('en');
    expect(screen.getByTestId('kpi-slaBreachRate').dataset['tone']).toBe('down');
    expect(screen.getByTestId('kpi-revenue').dataset['tone']).toBe('up');
    expect(screen.getByTestId('kpi-customers').dataset['tone']).toBe('flat');
    expect(screen.getByTestId('kpi-nps').textContent).toContain('no data');
  });

  it('has no tone without something to compare', () => {
    expect(changeTone(null)).toBe('flat');
    expect(changeTone(-3, true)).toBe('up');
  });
});
