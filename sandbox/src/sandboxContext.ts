import type { Logger } from 'pino';
import type { SandboxState } from './state/sandboxState';
import type { WebhookDispatcher } from './webhooks/webhookDispatcher';

/** What every part of a running sandbox shares: its state, its webhook sender and its log. */
export type SandboxContext = { state: SandboxState; webhooks: WebhookDispatcher; logger: Logger };
