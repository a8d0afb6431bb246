import { fireEvent, screen, within } from '@testing-library/react';
import { renderInArea } from '../../__tests__/support/renderInArea';
import { DataRequestsPanel } from '../DataRequestsPanel';
import { canHandleDsr, isEraseConfirmed } from '../eraseConfirmation';

describe('data-subject requests', () => {
  it('are for admins only', () => {
    expect(canHandleDsr(['admin'])).toBe(true);
    expect(canHandleDsr(['agent', 'manager', 'marketer'])).toBe(false);
  });

  it('erase only after the confirmation word is typed', () => {
    expect(isEraseConfirmed('')).toBe(false);
    expect(isEraseConfirmed('eras')).toBe(false);
    expect(isEraseConfirmed(' erase ')).toBe(true);

    renderInArea(<DataRequestsPanel customerId="3f7c3c1e-0000-4000-8000-000000000001" />);
    const panel = screen.getByTestId('dsr-panel');
    expect(within(panel).getByRole('button', { name: 'Export all data' })).toBeTruthy();
    expect(screen.queryByTestId('erase-confirm')).toBeNull();
    fireEvent.click(within(panel).getByRole('button', { name: 'Erase customer…' }));
    const confirm = screen.getByTestId('erase-confirm');
    const go = within(confirm).getByRole('button', { name: 'Erase for good' });
    expect((go as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(within(confirm).getByLabelText('Type ERASE to confirm'), { target: { value: 'nope' } });
    expect((go as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(within(confirm).getByLabelText('Type ERASE to confirm'), { target: { value: 'ERASE' } });
    expect((go as HTMLButtonElement).disabled).toBe(false);
  });

  it('keeps the confirmation word in French and Arabic', () => {
    renderInArea(<DataRequestsPanel customerId="3f7c3c1e-0000-4000-8000-000000000001" />, { locale: 'ar' });
    fireEvent.click(screen.getByRole('button', { name: 'مسح العميل…' }));
    expect(screen.getByLabelText('اكتب ERASE للتأكيد')).toBeTruthy();
  });
});
