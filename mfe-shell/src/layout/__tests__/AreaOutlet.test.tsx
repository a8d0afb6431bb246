import { render, screen } from '@testing-library/react';
import { IntlProvider } from 'react-intl';
import { SHELL_MESSAGES } from '../../i18n/shellMessages';
import { createAreaStatus } from '../../areas/areaStatus';
import { AreaOutlet } from '../AreaOutlet';

describe('AreaOutlet', () => {
  it('says in the user’s language that an area is down, and keeps its mount point', () => {
    const status = createAreaStatus();
    status.set('analytics', { kind: 'unavailable', reason: 'ScriptExternalLoadError' });
    const { container } = render(
      <IntlProvider locale="fr" messages={SHELL_MESSAGES.fr}>
        <AreaOutlet area="analytics" active status={status} />
      </IntlProvider>,
    );
    expect(screen.getByRole('alert').textContent).toContain(
      'Analyses est indisponible pour le moment. Le reste du tableau de bord fonctionne.',
    );
    expect(screen.getByRole('button', { name: 'Réessayer' })).toBeTruthy();
    expect(container.querySelector('#c360-area-analytics')).not.toBeNull();
  });

  it('shows nothing for an inactive area', () => {
    const status = createAreaStatus();
    status.set('inbox', { kind: 'unavailable', reason: 'down' });
    render(
      <IntlProvider locale="en" messages={SHELL_MESSAGES.en}>
        <AreaOutlet area="inbox" active={false} status={status} />
      </IntlProvider>,
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
