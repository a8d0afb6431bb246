import { render, screen } from '@testing-library/react';
import { IntlProvider } from 'react-intl';
import { ANALYTICS_MESSAGES } from '../../i18n/analyticsMessages';
import { CohortHeatmap, heatColor } from '../CohortHeatmap';

describe('CohortHeatmap', () => {
  it('shows one row per cohort with its retention per month, darker when retained more', () => {
    render(
      <IntlProvider locale="en" messages={ANALYTICS_MESSAGES.en}>
        <CohortHeatmap
          cohorts={{
            timeZone: 'UTC',
            cohorts: [
              { cohort: '2026-01', size: 2, retained: [2, 1, 1], rates: [100, 50, 50] },
              { cohort: '2026-02', size: 1, retained: [1, 1], rates: [100, 100] },
            ],
          }}
        />
      </IntlProvider>,
    );
    const rows = screen.getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[1]?.textContent).toBe('Jan 20262100%50%50%');
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'First purchase',
      'Customers',
      'Month 0',
      'Month 1',
      'Month 2',
    ]);
    expect(heatColor(100)).toBe('hsl(214 70% 40%)');
    expect(heatColor(0)).toBe('hsl(214 70% 96%)');
  });
});
