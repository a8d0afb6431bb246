import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { WhatsAppTemplateSpec } from '@c360/domain';
import { tenantFilters } from '../tenancy/tenantFilter';
import { tenantOwnedProperties, updatedAtProperty } from './tenantOwnedProperties';
import {
  TEMPLATE_APPROVAL_STATUSES,
  TEMPLATE_CHANNELS,
  type TemplateApprovalStatus,
  type TemplateChannel,
} from './vocabulary';

/**
 * A reply template. `parameters` names the placeholders in order ({{1}}, {{2}}... for WhatsApp),
 * so a send can be validated against them; a WhatsApp template also carries Meta's name and
 * approval status, since only approved ones may go out after the 24-hour window.
 */
export const Template = defineEntity({
  name: 'Template',
  filters: tenantFilters(),
  properties: {
    ...tenantOwnedProperties(),
    name: p.string().length(200),
    channel: p.enum([...TEMPLATE_CHANNELS]).$type<TemplateChannel>(),
    language: p.string().length(10),
    category: p.string().length(100).nullable(),
    subject: p.string().length(500).nullable(),
    body: p.text(),
    html: p.text().nullable(),
    parameters: p.array().onCreate(() => []),
    providerTemplateName: p.string().length(200).nullable(),
    /** For WhatsApp: what the approved template's header, body and buttons take; sends are checked against it. */
    whatsappSpec: p.json<WhatsAppTemplateSpec>().nullable(),
    approvalStatus: p
      .enum([...TEMPLATE_APPROVAL_STATUSES])
      .$type<TemplateApprovalStatus>()
      .default('not_required'),
    favoriteUserIds: p.array().onCreate(() => []),
    /** Renders for a send that used this template (a preview does not count). */
    usageCount: p.integer().default(0),
    updatedAt: updatedAtProperty(),
  },
  uniques: [{ properties: ['tenant', 'channel', 'name', 'language'] }],
});
export type Template = InferEntity<typeof Template>;
