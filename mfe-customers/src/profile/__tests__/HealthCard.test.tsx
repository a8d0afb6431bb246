import { screen, within } from '@testing-library/react';
import type { Health } from '../../api/types';
import { renderInArea } from '../../__tests__/support/renderInArea';
import { HealthCard } from '../HealthCard';

const health: Health = {
  score: 72,
  band: 'healthy',
  previousScore: 60,
  change: 12,
  factors: [
    { name: 'recency', raw: 12, value: 0.9, weight: 0.3, contribution: 27 },
    { name: 'openTickets', raw: 3, value: 0.25, weight: 0.2, contribution: 5 },
  ],
};

describe('HealthCard', () => {
  it('shows the score, its band and each factor as a bar sized by its value', () => {
    renderInArea(<HealthCard customerId="c1" initial={health} />);
    expect(screen.getByTestId('health-score').textContent).toBe('72');
    expect(screen.getByText('Healthy')).toBeTruthy();
    const recency = screen.getByTestId('health-factor-recency');
    expect(within(recency).getByText('Recency')).toBeTruthy();
    expect(within(recency).getByRole('meter').getAttribute('aria-valuenow')).toBe('90');
    expect(
      within(screen.getByTestId('health-factor-openTickets'))
        .getByRole('meter')
        .getAttribute('aria-valuenow'),
    ).toBe('25');
    expect(screen.getByRole('button', { name: 'Rescore' })).toBeTruthy();
  });

  it('speaks French and Arabic', () => {
    renderInArea(<HealthCard customerId="c1" initial={health} />, { locale: 'fr' });
    expect(screen.getByRole('button', { name: 'Recalculer' })).toBeTruthy();
  });
});
