import type { TemplateButtonParameter, TemplateParameter } from '@c360/domain';
import type { WhatsAppContent } from '@c360/workflows';

type Json = Record<string, unknown>;

const parameter = (p: TemplateParameter): Json => {
  switch (p.type) {
    case 'text':
      return { type: 'text', text: p.text };
    case 'currency':
      return {
        type: 'currency',
        currency: { fallback_value: p.fallbackValue, code: p.code, amount_1000: p.amount1000 },
      };
    case 'date_time':
      return { type: 'date_time', date_time: { fallback_value: p.fallbackValue } };
    default:
      return { type: p.type, [p.type]: { link: p.link, ...(p.filename ? { filename: p.filename } : {}) } };
  }
};

const buttonParameter = (p: TemplateButtonParameter): Json => {
  if (p.type === 'payload') return { type: 'payload', payload: p.payload };
  if (p.type === 'text') return { type: 'text', text: p.text };
  return {
    type: 'action',
    action: { flow_token: p.flowToken, ...(p.flowActionData ? { flow_action_data: p.flowActionData } : {}) },
  };
};

const SUB_TYPE: Record<TemplateButtonParameter['type'], string> = {
  payload: 'quick_reply',
  text: 'url',
  action: 'flow',
};

/** The Cloud API's `type` and `<type>` fields for a content (the envelope is added by the adapter). */
/** A content as it goes on the wire: an asset has become media with a signed link by then. */
export type WireWhatsAppContent = Exclude<WhatsAppContent, { type: 'asset' }>;

export const whatsappContentFields = (content: WireWhatsAppContent): Json => {
  switch (content.type) {
    case 'text':
      return { type: 'text', text: { body: content.text, preview_url: content.previewUrl ?? false } };
    case 'media':
      return {
        type: content.mediaType,
        [content.mediaType]: {
          link: content.link,
          // The Cloud API takes no caption on audio.
          ...(content.caption && content.mediaType !== 'audio' ? { caption: content.caption } : {}),
          ...(content.filename && content.mediaType === 'document' ? { filename: content.filename } : {}),
        },
      };
    case 'template': {
      const p = content.parameters;
      const components: Json[] = [];
      if (p.header?.length) components.push({ type: 'header', parameters: p.header.map(parameter) });
      if (p.body?.length) components.push({ type: 'body', parameters: p.body.map(parameter) });
      for (const b of p.buttons ?? []) {
        components.push({
          type: 'button',
          sub_type: SUB_TYPE[b.parameters[0]?.type ?? 'payload'],
          index: String(b.index),
          parameters: b.parameters.map(buttonParameter),
        });
      }
      return {
        type: 'template',
        template: { name: content.name, language: { code: content.language }, components },
      };
    }
    case 'buttons':
      return {
        type: 'interactive',
        interactive: {
          type: 'button',
          body: { text: content.body },
          action: {
            buttons: content.buttons.map((b) => ({ type: 'reply', reply: { id: b.id, title: b.title } })),
          },
        },
      };
    case 'list':
      return {
        type: 'interactive',
        interactive: {
          type: 'list',
          body: { text: content.body },
          action: { button: content.button, sections: content.sections },
        },
      };
    case 'flow':
      return {
        type: 'interactive',
        interactive: {
          type: 'flow',
          body: { text: content.body },
          action: {
            name: 'flow',
            parameters: {
              flow_message_version: '3',
              flow_token: content.flowToken,
              flow_id: content.flowId,
              flow_cta: content.cta,
              flow_action: 'navigate',
              ...(content.screen
                ? {
                    flow_action_payload: {
                      screen: content.screen,
                      ...(content.data ? { data: content.data } : {}),
                    },
                  }
                : {}),
            },
          },
        },
      };
  }
};

/** What the thread shows for a sent content: the text, the caption, or the rendered template. */
export const whatsappContentText = (content: WireWhatsAppContent, templateBody: string | null): string => {
  switch (content.type) {
    case 'text':
      return content.text;
    case 'media':
      return content.caption ?? '';
    case 'template': {
      const values = (content.parameters.body ?? []).map((p) =>
        p.type === 'text' ? p.text : 'fallbackValue' in p ? p.fallbackValue : '',
      );
      return (templateBody ?? content.name).replace(
        /\{\{(\d+)\}\}/g,
        (m, n: string) => values[Number(n) - 1] ?? m,
      );
    }
    default:
      return content.body;
  }
};
