import type { EntityManager } from '@mikro-orm/postgresql';
import {
  AppError,
  composeReply,
  toProviderTemplateSend,
  type ComposedReply,
  type ProviderTemplateSend,
} from '@c360/domain';
import type { TemplateChannel } from '../entities/vocabulary';
import { assertTenantId } from '../tenancy/tenantFilter';
import { loadReplyParts, type ReplyPartRef } from './loadReplyParts';
import { replyVariablesFor, type ReplyContext } from './replyVariablesFor';

export type RenderReplyInput = ReplyContext & {
  channel: TemplateChannel;
  parts: readonly ReplyPartRef[];
  /** A render for a send counts each template's use; a preview does not. */
  forSend: boolean;
};

export type RenderedReply = ComposedReply & {
  channel: TemplateChannel;
  /**
   * For WhatsApp, when the message is exactly one template mapped to an approved provider
   * template: the template send (valid outside the 24-hour window); otherwise null.
   */
  providerTemplate: ProviderTemplateSend | null;
};

/**
 * The reply path's one function: loads the parts (tenant-scoped), fills the variables from the
 * customer, agent and ticket, composes (escaped HTML for email, plain text elsewhere) and, for a
 * send, increments the templates' usage counts in the caller's transaction.
 * `em` must be scoped with `forTenant`.
 */
export const renderReplyForSend = async (
  em: EntityManager,
  tenantId: string,
  input: RenderReplyInput,
): Promise<RenderedReply> => {
  assertTenantId(tenantId, 'renderReplyForSend');
  const { parts, templates } = await loadReplyParts(em, input.channel, input.parts);
  const values = await replyVariablesFor(em, tenantId, input);
  const composed = composeReply(parts, values, input.channel === 'email' ? 'html' : 'plain', 'body.parts');
  if (!composed.ok)
    throw new AppError('validation', 'the reply cannot be rendered', { fields: composed.problems });

  let providerTemplate: ProviderTemplateSend | null = null;
  const only = parts.length === 1 && templates.length === 1 ? templates[0]! : null;
  if (input.channel === 'whatsapp' && only?.providerTemplateName && only.whatsappSpec) {
    const send = toProviderTemplateSend(
      {
        providerTemplateName: only.providerTemplateName,
        language: only.language,
        bodyVariables: only.parameters as string[],
        spec: only.whatsappSpec,
      },
      values,
      'body.parts.0',
    );
    if (!send.ok)
      throw new AppError('validation', 'the provider template cannot be filled', { fields: send.problems });
    providerTemplate = send.send;
  }

  if (input.forSend) {
    // One increment per use, in SQL and in the caller's transaction: concurrent sends never lose a count.
    for (const id of composed.reply.templateIds)
      await em.execute(
        'update "template" set "usage_count" = "usage_count" + 1 where "tenant_id" = ? and "id" = ?',
        [tenantId, id],
      );
  }
  return { ...composed.reply, channel: input.channel, providerTemplate };
};
