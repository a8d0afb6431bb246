import type { EntitySchema } from '@mikro-orm/core';
import { AuditLog } from './AuditLog';
import { Asset } from './Asset';
import { Call } from './Call';
import { ChannelAccount } from './ChannelAccount';
import { ChannelIdentity } from './ChannelIdentity';
import { Conversation } from './Conversation';
import { ConversationRead } from './ConversationRead';
import { ConversionEvent } from './ConversionEvent';
import { TimelineEvent } from './TimelineEvent';
import { Campaign } from './Campaign';
import { CampaignMember } from './CampaignMember';
import { Customer } from './Customer';
import { Deal } from './Deal';
import { ExportSchedule } from './ExportSchedule';
import { FeatureFlag } from './FeatureFlag';
import { KnowledgeArticle } from './KnowledgeArticle';
import { KnowledgeView } from './KnowledgeView';
import { Macro } from './Macro';
import { Message } from './Message';
import { Notification } from './Notification';
import { NotificationPreference } from './NotificationPreference';
import { OutboxEvent } from './OutboxEvent';
import { RetentionPolicy } from './RetentionPolicy';
import { Segment } from './Segment';
import { SegmentExport } from './SegmentExport';
import { SegmentMembership } from './SegmentMembership';
import { Snippet } from './Snippet';
import { SurveyRequest } from './SurveyRequest';
import { SurveyResponse } from './SurveyResponse';
import { Template } from './Template';
import { Tenant } from './Tenant';
import { TenantScoreModel } from './TenantScoreModel';
import { Ticket } from './Ticket';
import { User } from './User';
// The send path (issue 6).
import { SendSlot } from './SendSlot';
import { ScheduledReply } from './ScheduledReply';
// Issue 6, default playbooks.
import { PlaybookEntry } from './PlaybookEntry';
import { PlaybookTicket } from './PlaybookTicket';

/**
 * Every entity, as the ORM registers them. Typed as plain schemas: the inferred tuple of every
 * entity's full type is more than the compiler will write into a declaration file.
 */
export const allEntities: EntitySchema[] = [
  Tenant,
  User,
  Customer,
  Deal,
  Ticket,
  Conversation,
  ConversationRead,
  Message,
  Call,
  KnowledgeArticle,
  KnowledgeView,
  ConversionEvent,
  TimelineEvent,
  Campaign,
  CampaignMember,
  SurveyRequest,
  SurveyResponse,
  Segment,
  SegmentMembership,
  Template,
  Macro,
  Snippet,
  Asset,
  Notification,
  NotificationPreference,
  AuditLog,
  ExportSchedule,
  SegmentExport,
  RetentionPolicy,
  FeatureFlag,
  OutboxEvent,
  TenantScoreModel,
  ChannelAccount,
  ChannelIdentity,
  // The send path (issue 6).
  SendSlot,
  ScheduledReply,
  // Issue 6, default playbooks.
  PlaybookTicket,
  PlaybookEntry,
];
