import { proxyActivities } from '@temporalio/workflow';
import type { ChannelActivities, SendWhatsAppInput, SentMessage } from '@c360/workflows';

// Test-only workflow: the adapter as the send path calls it, under a Temporal retry policy.
const { sendWhatsAppMessage } = proxyActivities<ChannelActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '50 ms', backoffCoefficient: 1, maximumAttempts: 5 },
});

export async function sendWhatsAppThroughTemporal(input: SendWhatsAppInput): Promise<SentMessage> {
  return sendWhatsAppMessage(input);
}
