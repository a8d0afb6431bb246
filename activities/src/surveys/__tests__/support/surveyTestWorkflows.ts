import { condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { SendOutcome, SendRequest } from '@c360/domain';
import { cancelSendSignal } from '../../../../../workflows/src/send/sendSignals';

// Test-only bundle: the real survey workflow, and a stand-in for the send path's child (its own
// tests cover it) whose outcome the test decides through an activity. `hold` keeps the send
// waiting until it is cancelled, like a send held by quiet hours.
export { surveyWorkflow } from '../../../../../workflows/src/survey/surveyWorkflow';

const { decideSend } = proxyActivities<{
  decideSend(req: SendRequest): Promise<SendOutcome | { status: 'hold' }>;
}>({ startToCloseTimeout: '10 seconds' });

export async function sendMessageWorkflow(req: SendRequest): Promise<SendOutcome> {
  let cancelled = false;
  setHandler(cancelSendSignal, () => {
    cancelled = true;
  });
  const decided = await decideSend(req);
  if (decided.status !== 'hold') return decided;
  await condition(() => cancelled);
  return { status: 'skipped', reason: 'cancelled' };
}
