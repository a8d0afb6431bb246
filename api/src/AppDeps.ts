import type { CampaignControl } from '@c360/workflows';
import type { Logger } from 'pino';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AccessTokens } from './auth/accessTokens';
import type { LoginThrottleSettings } from './auth/loginThrottle';
import type { ReadinessCheck } from './health/readiness';
import type { SearchCustomers } from './customers/searchPort';
import type { ReindexService } from './admin/reindexPort';
import type { RescoreService } from './admin/rescorePort';
import type { SegmentRecompute, SegmentSearch } from './segments/segmentPorts';
import type { SegmentExportDeps } from './segments/segmentExportPorts';
import type { WebhookSettings } from './webhooks/webhookSettings';
import type { InboxSender } from './inbox/inboxSender';
import type { AssetStore } from '@c360/store';
import type { AssetLimits } from '@c360/domain';
import type { AssetLinks } from './replies/assetLinks';
import type { NotificationStreamDeps } from './notifications/notificationRoutes';
import type { SendClient } from '@c360/workflows';

/**
 * Everything the HTTP layer needs from the outside, opened by the composition root (main.ts)
 * or by a test. The app itself opens no connection and reads no environment.
 */
export type AppDeps = {
  logger: Logger;
  /** The ORM's root entity manager; every request works on its own fork. */
  em: EntityManager;
  tokens: AccessTokens;
  searchCustomers: SearchCustomers;
  reindex: ReindexService;
  rescore: RescoreService;
  segments: { search: SegmentSearch; recompute: SegmentRecompute };
  /** Starts, signals and reads campaign workflows (issue 7). */
  campaigns: CampaignControl;
  /** Segment exports, export schedules (search, export folder, Temporal). */
  segmentExports: SegmentExportDeps;
  readiness: ReadinessCheck[];
  /** The clock; tests may pin it. */
  now?: () => Date;
  loginThrottle?: LoginThrottleSettings;
  /** Secrets of the signed inbound paths (Meta webhooks, inbound mail); without them those routes answer 503. */
  webhooks?: WebhookSettings;
  /** The channel adapters' sends, for inbox replies; without them a reply answers 503. */
  inboxSender?: InboxSender;
  /** Starts and steers sends on the send path (send later); without it scheduling answers 503. */
  sends?: SendClient;
  /** Where reply assets' bytes live; without it the asset upload and download answer 503. */
  assets?: AssetStore;
  /** Signed asset links (public downloads, the thread's attachment links); without them those answer 503 / carry no url. */
  assetLinks?: AssetLinks;
  /** The e-mail attachment cap replies with an asset are checked against (10 MB when absent). */
  assetLimits?: AssetLimits;
  /** The notification stream's LISTEN hub and tickets; without them the stream answers 503. */
  notificationStream?: NotificationStreamDeps;
  /** HMAC key of the public survey links (shared with the worker); without it `/s/:token` answers 503. */
  surveyLinkSecret?: string;
  /** Reported in the OpenAPI document. */
  version?: string;
};
