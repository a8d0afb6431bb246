/**
 * The sandbox: local stand-ins for the outside world that dev and tests talk to over the
 * network (Meta Graph API for WhatsApp and Instagram with signed webhooks, an SMTP server that
 * captures mail). `main.ts` runs it as a process; tests start one in-process on free ports.
 */
export { startSandbox, GRAPH_VERSION, type RunningSandbox, type SandboxOptions } from './sandbox';
export type { GraphErrorBody } from './graph/graphError';
export type { MessageTemplate, TemplateComponent, TemplateButton } from './graph/messageTemplates';
export type {
  CapturedMail,
  RecordedRequest,
  SentWhatsAppMessage,
  SentInstagramMessage,
  WebhookDelivery,
} from './state/sandboxState';
