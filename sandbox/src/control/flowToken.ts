import type { SentWhatsAppMessage } from '../state/sandboxState';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});

/**
 * The flow token a sent WhatsApp message carries: an interactive flow message's
 * `action.parameters.flow_token`, or a template's FLOW button parameter (`action.flow_token`).
 * Null when the message opens no flow (or opens one without a token). Meta echoes this token in
 * the flow's answer (`response_json.flow_token`), which is how a business ties the answer to it.
 */
export const flowTokenOf = (message: SentWhatsAppMessage): string | null => {
  const request = obj(message.request);
  if (message.type === 'interactive') {
    const interactive = obj(request['interactive']);
    if (interactive['type'] !== 'flow') return null;
    const token = obj(obj(interactive['action'])['parameters'])['flow_token'];
    return typeof token === 'string' ? token : null;
  }
  if (message.type === 'template') {
    const components = obj(request['template'])['components'];
    for (const component of Array.isArray(components) ? components : []) {
      const c = obj(component);
      if (c['type'] !== 'button' || c['sub_type'] !== 'flow') continue;
      for (const parameter of Array.isArray(c['parameters']) ? c['parameters'] : []) {
        const token = obj(obj(parameter)['action'])['flow_token'];
        if (typeof token === 'string') return token;
      }
    }
  }
  return null;
};
