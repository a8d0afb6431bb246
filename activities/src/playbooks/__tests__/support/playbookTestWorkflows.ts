/**
 * The workflow bundle of the playbook tests: the real playbooks, plus a test-only stand-in for
 * the send path's child workflow (`sendMessageWorkflow`, branch feat/send) so these tests
 * exercise the playbooks' own steps and branches. It sends on email and WhatsApp and skips
 * Instagram (as the real path does for a customer without an Instagram address).
 */
export * from '../../../../../workflows/src/playbooks';

type Outcome = { status: 'sent'; messageId: string; sentAt: string } | { status: 'skipped'; reason: string };

export async function sendMessageWorkflow(req: { step: string; channel: string }): Promise<Outcome> {
  if (req.channel === 'instagram') return { status: 'skipped', reason: 'no_address' };
  return { status: 'sent', messageId: `test-${req.step}`, sentAt: new Date(Date.now()).toISOString() };
}
