import { fireEvent, render, screen } from '@testing-library/react';
import { IntlProvider } from 'react-intl';
import { messages } from '../../i18n/messages';
import { ChosenAsset } from '../ChosenAsset';

const asset = {
  id: 'a1',
  fileName: 'menu.pdf',
  contentType: 'application/pdf',
  sizeBytes: 2048,
  channels: ['whatsapp' as const, 'instagram' as const, 'email' as const],
  uploadedBy: null,
  createdAt: '2026-03-02T10:00:00.000Z',
};

describe('ChosenAsset', () => {
  it('shows the file the reply will carry and takes it off on request', () => {
    const cleared: string[] = [];
    render(
      <IntlProvider locale="fr" messages={messages.fr} defaultLocale="en">
        <ChosenAsset asset={asset} onClear={() => cleared.push('x')} />
      </IntlProvider>,
    );
    expect(screen.getByTestId('chosen-asset').textContent).toContain('menu.pdf (application/pdf, 2 KB)');
    fireEvent.click(screen.getByRole('button', { name: 'Retirer le fichier joint' }));
    expect(cleared).toEqual(['x']);
  });
});
