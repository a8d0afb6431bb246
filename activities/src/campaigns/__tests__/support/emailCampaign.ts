import type { EntityManager } from '@mikro-orm/postgresql';
import { Campaign, type Segment } from '@c360/store';
import { campaignWorkflowId } from '@c360/workflows';

/** A marketing email campaign on `segment` whose subject is `subject`, with its workflow id (not flushed). */
export const createEmailCampaign = (
  em: EntityManager,
  tenantId: string,
  segment: Segment,
  subject: string,
  text = 'Our winter offer',
): Campaign => {
  const campaign = em.create(Campaign, {
    tenant: tenantId,
    segment,
    name: subject,
    channel: 'email',
    purpose: 'marketing',
    content: { type: 'email', subject, text },
    workflowId: '',
  });
  campaign.workflowId = campaignWorkflowId(campaign.id);
  return campaign;
};
