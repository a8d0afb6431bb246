import { isServiceWindowOpen, validateTemplateParameters } from '@c360/domain';
import { Template } from '@c360/store';
import type { MessageAttachment } from '@c360/store';
import type { SendWhatsAppInput, SentMessage } from '@c360/workflows';
import { assetLinkFor, attachmentOf, loadAssetForSend } from './channelAssets';
import { ChannelError, toActivityFailure } from './channelError';
import { loadSendContext, type ChannelDeps } from './channelContext';
import { sendOnce } from './sendOnce';
import { whatsappContentFields, whatsappContentText, type WireWhatsAppContent } from './whatsappPayload';
import { withRetries } from './withRetries';

type SendResponse = { messages?: { id?: string }[] };

/**
 * WhatsApp Cloud API sends. Before any call: a template must exist for the tenant in that
 * language, be approved, and the parameters must fit it; anything else (free text, media,
 * interactive, flows) needs the customer's 24-hour window open. Then the idempotent send.
 */
export const createWhatsAppActivities = (deps: ChannelDeps) => {
  const send = async (input: SendWhatsAppInput): Promise<SentMessage> => {
    const { em, conversation, account } = await loadSendContext(
      deps,
      input.tenantId,
      input.conversationId,
      'whatsapp',
    );
    const to = conversation.externalIds?.waId ?? conversation.externalThreadId;
    if (!to) throw new ChannelError('invalid', `conversation ${conversation.id} has no WhatsApp contact`);
    let content: WireWhatsAppContent;
    let attachments: MessageAttachment[] = [];
    if (input.content.type === 'asset') {
      const { assetId, caption } = input.content;
      const { asset, kind } = await loadAssetForSend(deps.assets, em, assetId, 'whatsapp');
      // Audio media takes no caption: the text goes first, as its own message under a key of its own.
      if (kind === 'audio' && caption)
        await send({
          ...input,
          idempotencyKey: `${input.idempotencyKey}:text`,
          content: { type: 'text', text: caption },
        });
      content = {
        type: 'media',
        mediaType: kind,
        link: assetLinkFor(deps.assets, asset, deps.clock()),
        ...(caption && kind !== 'audio' ? { caption } : {}),
        ...(kind === 'document' ? { filename: asset.fileName } : {}),
      };
      attachments = [attachmentOf(asset)];
    } else content = input.content;
    let templateBody: string | null = null;
    if (content.type === 'template') {
      const template = await em.findOne(Template, {
        channel: 'whatsapp',
        $or: [{ providerTemplateName: content.name }, { name: content.name }],
        language: content.language,
      });
      if (!template)
        throw new ChannelError('invalid', `no WhatsApp template ${content.name} (${content.language})`);
      if (template.approvalStatus !== 'approved')
        throw new ChannelError(
          'invalid',
          `WhatsApp template ${content.name} is ${template.approvalStatus}, not approved`,
        );
      if (!template.whatsappSpec)
        throw new ChannelError('invalid', `WhatsApp template ${content.name} has no synced parameter spec`);
      const problems = validateTemplateParameters(template.whatsappSpec, content.parameters);
      if (problems.length > 0)
        throw new ChannelError(
          'invalid',
          `template parameters: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`,
        );
      templateBody = template.body;
      content.name = template.providerTemplateName ?? template.name;
    } else if (!isServiceWindowOpen(conversation.lastInboundAt ?? null, deps.clock())) {
      throw new ChannelError(
        'invalid',
        'the 24-hour customer service window is closed: only an approved template may be sent',
      );
    }
    return await sendOnce(
      em,
      {
        idempotencyKey: input.idempotencyKey,
        conversationId: conversation.id,
        authorId: input.authorId ?? null,
        body: whatsappContentText(content, templateBody),
        attachments,
        metadata: {
          kind: content.type,
          ...(content.type === 'template'
            ? { template: { name: content.name, language: content.language } }
            : {}),
        },
        now: deps.clock(),
      },
      async (claim) => {
        const response = await withRetries(
          () =>
            deps.graph.post<SendResponse>(`${account.externalAccountId}/messages`, {
              messaging_product: 'whatsapp',
              recipient_type: 'individual',
              to,
              ...whatsappContentFields(content),
              // Echoed in status webhooks: they name our row even if this attempt dies before recording the wamid.
              biz_opaque_callback_data: claim.messageId,
            }),
          deps.retry,
          deps.sleep,
          (r) =>
            deps.onRetry?.({
              channel: 'whatsapp',
              attempt: r.attempt,
              delayMs: r.delayMs,
              message: r.error.message,
            }),
        );
        const id = response.messages?.[0]?.id;
        if (!id) throw new ChannelError('transient', 'the Cloud API accepted the send without a message id');
        return id;
      },
      deps.clock,
    );
  };

  return {
    async sendWhatsAppMessage(input: SendWhatsAppInput): Promise<SentMessage> {
      try {
        return await send(input);
      } catch (error) {
        throw toActivityFailure(error);
      }
    },
  };
};
