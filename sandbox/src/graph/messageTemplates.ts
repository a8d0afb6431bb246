/** A WhatsApp message template as `GET /{waba-id}/message_templates` returns it. */
export type TemplateButton =
  | { type: 'QUICK_REPLY'; text: string }
  | { type: 'URL'; text: string; url: string }
  | { type: 'PHONE_NUMBER'; text: string; phone_number: string }
  | { type: 'FLOW'; text: string; flow_id: string; flow_action: 'navigate' | 'data_exchange' };

export type TemplateComponent =
  | { type: 'HEADER'; format: 'TEXT'; text: string }
  | { type: 'HEADER'; format: 'IMAGE' | 'DOCUMENT' | 'VIDEO' }
  | { type: 'BODY'; text: string }
  | { type: 'FOOTER'; text: string }
  | { type: 'BUTTONS'; buttons: TemplateButton[] };

export type MessageTemplate = {
  id: string;
  name: string;
  language: string;
  status: 'APPROVED' | 'PENDING' | 'REJECTED' | 'PAUSED' | 'DISABLED';
  category: 'MARKETING' | 'UTILITY' | 'AUTHENTICATION';
  parameter_format: 'POSITIONAL';
  components: TemplateComponent[];
};

/** How many distinct positional placeholders (`{{1}}`, `{{2}}`, ...) a component text holds. */
export const placeholderCount = (text: string): number =>
  new Set([...text.matchAll(/\{\{\s*(\d+)\s*\}\}/g)].map((m) => m[1])).size;

/** The templates a fresh sandbox WABA holds: the shapes the platform's features use. */
export const defaultTemplates = (): MessageTemplate[] => [
  {
    id: '900000000000001',
    name: 'order_update',
    language: 'en_US',
    status: 'APPROVED',
    category: 'UTILITY',
    parameter_format: 'POSITIONAL',
    components: [
      { type: 'HEADER', format: 'TEXT', text: 'Order {{1}}' },
      { type: 'BODY', text: 'Hi {{1}}, your order {{2}} has shipped and arrives on {{3}}.' },
      { type: 'FOOTER', text: 'Reply STOP to opt out' },
    ],
  },
  {
    id: '900000000000002',
    name: 'welcome',
    language: 'en_US',
    status: 'APPROVED',
    category: 'MARKETING',
    parameter_format: 'POSITIONAL',
    components: [{ type: 'BODY', text: 'Welcome! Reply to this message to talk to our team.' }],
  },
  {
    id: '900000000000003',
    name: 'welcome',
    language: 'fr',
    status: 'APPROVED',
    category: 'MARKETING',
    parameter_format: 'POSITIONAL',
    components: [{ type: 'BODY', text: 'Bienvenue ! Répondez à ce message pour parler à notre équipe.' }],
  },
  {
    id: '900000000000004',
    name: 'conversation_followup',
    language: 'en_US',
    status: 'APPROVED',
    category: 'UTILITY',
    parameter_format: 'POSITIONAL',
    components: [
      {
        type: 'BODY',
        text: 'Hi {{1}}, {{2}} from our team has an update on your request. Reply to continue.',
      },
      { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Continue' }] },
    ],
  },
  {
    id: '900000000000005',
    name: 'invoice_ready',
    language: 'en_US',
    status: 'APPROVED',
    category: 'UTILITY',
    parameter_format: 'POSITIONAL',
    components: [
      { type: 'HEADER', format: 'DOCUMENT' },
      { type: 'BODY', text: 'Hi {{1}}, your invoice {{2}} is attached.' },
      {
        type: 'BUTTONS',
        buttons: [{ type: 'URL', text: 'View online', url: 'https://example.com/i/{{1}}' }],
      },
    ],
  },
  {
    id: '900000000000006',
    name: 'csat_survey',
    language: 'en_US',
    status: 'APPROVED',
    category: 'UTILITY',
    parameter_format: 'POSITIONAL',
    components: [
      { type: 'BODY', text: 'Hi {{1}}, how did we do with your request?' },
      {
        type: 'BUTTONS',
        buttons: [{ type: 'FLOW', text: 'Rate us', flow_id: '800000000000001', flow_action: 'navigate' }],
      },
    ],
  },
  {
    id: '900000000000007',
    name: 'promo_pending',
    language: 'en_US',
    status: 'PENDING',
    category: 'MARKETING',
    parameter_format: 'POSITIONAL',
    components: [{ type: 'BODY', text: 'A promotion awaiting review.' }],
  },
];
