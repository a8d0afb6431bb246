import { Migration } from '@mikro-orm/migrations';

export class Migration20261128135524_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "outbox_event" ("id" bigserial primary key, "tenant_id" uuid not null, "aggregate_type" varchar(100) not null, "aggregate_id" varchar(100) not null, "type" varchar(100) not null, "payload" jsonb not null, "created_at" timestamptz not null, "processed_at" timestamptz null, "attempts" int not null default 0, "last_error" text null);`,
    );
    this.addSql(
      `create index "outbox_event_unprocessed_index" on "outbox_event" ("processed_at", "id") where "processed_at" is null;`,
    );
    this.addSql(
      `create index "outbox_event_aggregate_type_aggregate_id_index" on "outbox_event" ("aggregate_type", "aggregate_id");`,
    );

    this.addSql(
      `create table "tenant" ("id" uuid not null, "name" varchar(200) not null, "slug" varchar(63) not null, "time_zone" varchar(64) not null, "settings" jsonb not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "tenant_pkey" primary key ("id"), constraint tenant_slug_check check (slug ~ '^[a-z0-9][a-z0-9-]*\$'));`,
    );
    this.addSql(`alter table "tenant" add constraint "tenant_slug_unique" unique ("slug");`);

    this.addSql(
      `create table "template" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "name" varchar(200) not null, "channel" text check ("channel" in ('whatsapp', 'instagram', 'email')) not null, "language" varchar(10) not null, "category" varchar(100) null, "subject" varchar(500) null, "body" text not null, "html" text null, "parameters" text[] not null, "provider_template_name" varchar(200) null, "approval_status" text check ("approval_status" in ('not_required', 'pending', 'approved', 'rejected')) not null default 'not_required', "favorite_user_ids" text[] not null, "updated_at" timestamptz not null, constraint "template_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "template" add constraint "template_tenant_id_channel_name_language_unique" unique ("tenant_id", "channel", "name", "language");`,
    );

    this.addSql(
      `create table "snippet" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "shortcut" varchar(100) not null, "title" varchar(200) not null, "body" text not null, "language" varchar(10) null, "updated_at" timestamptz not null, constraint "snippet_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "snippet" add constraint "snippet_tenant_id_shortcut_unique" unique ("tenant_id", "shortcut");`,
    );

    this.addSql(
      `create table "retention_policy" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "target" text check ("target" in ('messages', 'calls', 'tickets', 'audit_log', 'notifications', 'inactive_customers')) not null, "retention_days" int not null, "action" text check ("action" in ('delete', 'anonymize')) not null default 'delete', "enabled" boolean not null default true, "last_run_at" timestamptz null, "updated_at" timestamptz not null, constraint "retention_policy_pkey" primary key ("id"), constraint retention_policy_days_check check (retention_days > 0));`,
    );
    this.addSql(
      `alter table "retention_policy" add constraint "retention_policy_tenant_id_target_unique" unique ("tenant_id", "target");`,
    );

    this.addSql(
      `create table "macro" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "name" varchar(200) not null, "description" text null, "actions" jsonb not null, "favorite_user_ids" text[] not null, "updated_at" timestamptz not null, constraint "macro_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "macro" add constraint "macro_tenant_id_name_unique" unique ("tenant_id", "name");`,
    );

    this.addSql(
      `create table "knowledge_article" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "title" varchar(300) not null, "slug" varchar(200) not null, "body" text not null, "language" varchar(10) not null, "tags" text[] not null, "status" text check ("status" in ('draft', 'published', 'archived')) not null default 'published', "updated_at" timestamptz not null, constraint "knowledge_article_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "knowledge_article" add constraint "knowledge_article_tenant_id_slug_unique" unique ("tenant_id", "slug");`,
    );

    this.addSql(
      `create table "feature_flag" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "key" varchar(100) not null, "enabled" boolean not null, "description" text null, "updated_at" timestamptz not null, constraint "feature_flag_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "feature_flag" add constraint "feature_flag_tenant_id_key_unique" unique ("tenant_id", "key");`,
    );

    this.addSql(
      `create table "audit_log" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "actor_type" text check ("actor_type" in ('user', 'customer', 'system')) not null, "actor_id" uuid null, "action" varchar(100) not null, "entity_type" varchar(100) not null, "entity_id" varchar(100) not null, "before" jsonb null, "after" jsonb null, "reason" text null, "source" varchar(100) null, "request_id" varchar(100) null, constraint "audit_log_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "audit_log_entity_type_entity_id_created_at_index" on "audit_log" ("entity_type", "entity_id", "created_at");`,
    );
    this.addSql(
      `create index "audit_log_tenant_id_action_created_at_index" on "audit_log" ("tenant_id", "action", "created_at");`,
    );

    this.addSql(
      `create table "app_user" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "email" varchar(320) not null, "name" varchar(200) not null, "password_hash" varchar(200) not null, "roles" text[] not null, "settings" jsonb not null, "is_active" boolean not null default true, "last_login_at" timestamptz null, "updated_at" timestamptz not null, constraint "app_user_pkey" primary key ("id"), constraint app_user_email_check check (email = lower(email)), constraint app_user_roles_check check (roles <@ array['agent','marketer','manager','admin','ops']::text[] and cardinality(roles) > 0));`,
    );
    this.addSql(
      `alter table "app_user" add constraint "app_user_tenant_id_email_unique" unique ("tenant_id", "email");`,
    );

    this.addSql(
      `create table "segment" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "name" varchar(200) not null, "description" text null, "owner_id" uuid null, "definition" jsonb not null, "cached_count" int null, "counted_at" timestamptz null, "updated_at" timestamptz not null, constraint "segment_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "segment" add constraint "segment_tenant_id_name_unique" unique ("tenant_id", "name");`,
    );

    this.addSql(
      `create table "notification_preference" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "user_id" uuid not null, "category" text check ("category" in ('customer', 'vip', 'sla', 'survey', 'export', 'system')) not null, "delivery" text check ("delivery" in ('in_app', 'toast', 'email', 'none')) not null, "updated_at" timestamptz not null, constraint "notification_preference_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "notification_preference" add constraint "notification_preference_user_id_category_unique" unique ("user_id", "category");`,
    );

    this.addSql(
      `create table "notification" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "user_id" uuid not null, "category" text check ("category" in ('customer', 'vip', 'sla', 'survey', 'export', 'system')) not null, "title" varchar(300) not null, "body" text null, "link" varchar(2000) null, "read_at" timestamptz null, constraint "notification_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "notification_user_id_created_at_index" on "notification" ("user_id", "created_at");`,
    );

    this.addSql(
      `create table "export_schedule" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "name" varchar(200) not null, "owner_id" uuid null, "report_template" varchar(100) not null, "format" text check ("format" in ('csv', 'json', 'pdf')) not null, "segment_id" uuid null, "filters" jsonb not null, "cron" varchar(100) not null, "time_zone" varchar(64) not null, "recipients" text[] not null, "enabled" boolean not null default true, "temporal_schedule_id" varchar(200) null, "last_run_at" timestamptz null, "updated_at" timestamptz not null, constraint "export_schedule_pkey" primary key ("id"));`,
    );

    this.addSql(
      `create table "customer" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "first_name" varchar(200) not null, "last_name" varchar(200) not null, "emails" text[] not null, "phones" text[] not null, "time_zone" varchar(64) not null, "language" varchar(10) not null, "tags" text[] not null, "owner_id" uuid null, "lifecycle_stage" text check ("lifecycle_stage" in ('lead', 'prospect', 'customer', 'loyal', 'at_risk', 'churned')) not null default 'lead', "is_vip" boolean not null default false, "scores" jsonb null, "custom_fields" jsonb not null, "updated_at" timestamptz not null, constraint "customer_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "customer_tenant_id_updated_at_index" on "customer" ("tenant_id", "updated_at");`,
    );
    this.addSql(`create index "customer_owner_id_index" on "customer" ("owner_id");`);

    this.addSql(
      `create table "ticket" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "customer_id" uuid not null, "subject" varchar(500) not null, "description" text null, "status" text check ("status" in ('open', 'pending', 'resolved', 'closed')) not null default 'open', "priority" text check ("priority" in ('low', 'normal', 'high', 'urgent')) not null default 'normal', "team" varchar(100) null, "assignee_id" uuid null, "sla_policy" varchar(100) not null, "first_response_due_at" timestamptz null, "resolution_due_at" timestamptz null, "first_response_breached" boolean not null default false, "resolution_breached" boolean not null default false, "first_responded_at" timestamptz null, "resolved_at" timestamptz null, "auto_resolved" boolean not null default false, "updated_at" timestamptz not null, constraint "ticket_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "ticket_customer_id_status_index" on "ticket" ("customer_id", "status");`);
    this.addSql(
      `create index "ticket_tenant_id_status_created_at_index" on "ticket" ("tenant_id", "status", "created_at");`,
    );
    this.addSql(`create index "ticket_assignee_id_status_index" on "ticket" ("assignee_id", "status");`);

    this.addSql(
      `create table "survey_request" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "ticket_id" uuid null, "customer_id" uuid not null, "kind" text check ("kind" in ('csat', 'nps')) not null, "channel" text check ("channel" in ('whatsapp', 'email', 'web')) not null, "token" varchar(100) not null, "status" text check ("status" in ('pending', 'sent', 'reminded', 'answered', 'expired', 'failed', 'cancelled')) not null default 'pending', "sent_at" timestamptz null, "reminded_at" timestamptz null, "expires_at" timestamptz not null, "updated_at" timestamptz not null, constraint "survey_request_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "survey_request" add constraint "survey_request_token_unique" unique ("token");`,
    );
    this.addSql(
      `create index "survey_request_customer_id_created_at_index" on "survey_request" ("customer_id", "created_at");`,
    );
    this.addSql(`create index "survey_request_ticket_id_index" on "survey_request" ("ticket_id");`);

    this.addSql(
      `create table "survey_response" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "request_id" uuid not null, "customer_id" uuid not null, "kind" text check ("kind" in ('csat', 'nps')) not null, "score" int not null, "comment" text null, "channel" text check ("channel" in ('whatsapp', 'email', 'web')) not null, "answered_at" timestamptz not null, constraint "survey_response_pkey" primary key ("id"), constraint survey_response_score_check check ((kind = 'csat' and score >= 1 and score <= 5) or (kind = 'nps' and score >= 0 and score <= 10)));`,
    );
    this.addSql(
      `alter table "survey_response" add constraint "survey_response_request_id_unique" unique ("request_id");`,
    );
    this.addSql(
      `create index "survey_response_customer_id_answered_at_index" on "survey_response" ("customer_id", "answered_at");`,
    );
    this.addSql(
      `create index "survey_response_tenant_id_kind_answered_at_index" on "survey_response" ("tenant_id", "kind", "answered_at");`,
    );

    this.addSql(
      `create table "segment_membership" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "segment_id" uuid not null, "customer_id" uuid not null, "entered_at" timestamptz not null, constraint "segment_membership_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "segment_membership_customer_id_index" on "segment_membership" ("customer_id");`,
    );
    this.addSql(
      `alter table "segment_membership" add constraint "segment_membership_segment_id_customer_id_unique" unique ("segment_id", "customer_id");`,
    );

    this.addSql(
      `create table "knowledge_view" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "article_id" uuid not null, "customer_id" uuid not null, "viewed_at" timestamptz not null, "duration_seconds" int null, constraint "knowledge_view_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "knowledge_view_customer_id_viewed_at_index" on "knowledge_view" ("customer_id", "viewed_at");`,
    );
    this.addSql(`create index "knowledge_view_article_id_index" on "knowledge_view" ("article_id");`);

    this.addSql(
      `create table "deal" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "customer_id" uuid not null, "title" varchar(300) not null, "amount" numeric(14,2) not null, "currency" varchar(3) not null, "status" text check ("status" in ('open', 'won', 'lost')) not null, "stage" varchar(100) not null, "closed_at" timestamptz null, "updated_at" timestamptz not null, constraint "deal_pkey" primary key ("id"), constraint deal_currency_check check (currency ~ '^[A-Z]{3}\$'), constraint deal_amount_check check (amount >= 0));`,
    );
    this.addSql(`create index "deal_customer_id_index" on "deal" ("customer_id");`);
    this.addSql(
      `create index "deal_tenant_id_status_closed_at_index" on "deal" ("tenant_id", "status", "closed_at");`,
    );

    this.addSql(
      `create table "conversion_event" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "customer_id" uuid not null, "type" varchar(100) not null, "value" numeric(14,2) null, "currency" varchar(3) null, "occurred_at" timestamptz not null, "properties" jsonb not null, constraint "conversion_event_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "conversion_event_customer_id_occurred_at_index" on "conversion_event" ("customer_id", "occurred_at");`,
    );
    this.addSql(
      `create index "conversion_event_tenant_id_type_occurred_at_index" on "conversion_event" ("tenant_id", "type", "occurred_at");`,
    );

    this.addSql(
      `create table "conversation" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "customer_id" uuid not null, "channel" text check ("channel" in ('whatsapp', 'instagram', 'email')) not null, "status" text check ("status" in ('open', 'pending', 'snoozed', 'closed')) not null default 'open', "assignee_id" uuid null, "ticket_id" uuid null, "subject" varchar(500) null, "external_thread_id" varchar(500) null, "external_ids" jsonb not null, "last_message_at" timestamptz null, "last_inbound_at" timestamptz null, "updated_at" timestamptz not null, constraint "conversation_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "conversation_customer_id_last_message_at_index" on "conversation" ("customer_id", "last_message_at");`,
    );
    this.addSql(
      `create index "conversation_tenant_id_status_last_message_at_index" on "conversation" ("tenant_id", "status", "last_message_at");`,
    );
    this.addSql(
      `create index "conversation_tenant_id_channel_external_thread_id_index" on "conversation" ("tenant_id", "channel", "external_thread_id");`,
    );
    this.addSql(`create index "conversation_ticket_id_index" on "conversation" ("ticket_id");`);

    this.addSql(
      `create table "message" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "conversation_id" uuid not null, "channel" text check ("channel" in ('whatsapp', 'instagram', 'email')) not null, "direction" text check ("direction" in ('inbound', 'outbound')) not null, "author_id" uuid null, "body" text not null, "html" text null, "attachments" jsonb not null, "provider_message_id" varchar(500) null, "email_message_id" varchar(998) null, "in_reply_to" varchar(998) null, "email_references" text[] not null, "delivery_status" text check ("delivery_status" in ('queued', 'sent', 'delivered', 'read', 'failed', 'received')) not null, "delivery_error" text null, "idempotency_key" varchar(200) null, "sent_at" timestamptz not null, "sentiment" real null, constraint "message_pkey" primary key ("id"), constraint message_sentiment_check check (sentiment >= -1::real and sentiment <= 1::real));`,
    );
    this.addSql(
      `create index "message_conversation_id_sent_at_index" on "message" ("conversation_id", "sent_at");`,
    );
    this.addSql(
      `create index "message_tenant_id_email_message_id_index" on "message" ("tenant_id", "email_message_id");`,
    );
    this.addSql(
      `alter table "message" add constraint "message_tenant_id_idempotency_key_unique" unique ("tenant_id", "idempotency_key");`,
    );
    this.addSql(
      `alter table "message" add constraint "message_tenant_id_channel_provider_message_id_unique" unique ("tenant_id", "channel", "provider_message_id");`,
    );

    this.addSql(
      `create table "call" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "customer_id" uuid not null, "ticket_id" uuid null, "agent_id" uuid null, "direction" text check ("direction" in ('inbound', 'outbound')) not null, "duration_seconds" int not null, "transcript" text null, "summary" text null, "action_items" jsonb not null, "started_at" timestamptz not null, constraint "call_pkey" primary key ("id"), constraint call_duration_seconds_check check (duration_seconds >= 0));`,
    );
    this.addSql(`create index "call_customer_id_started_at_index" on "call" ("customer_id", "started_at");`);

    this.addSql(
      `create table "asset" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "file_name" varchar(500) not null, "content_type" varchar(200) not null, "size_bytes" bigint not null, "storage_key" varchar(1000) not null, "uploaded_by_id" uuid null, constraint "asset_pkey" primary key ("id"), constraint asset_size_bytes_check check (size_bytes >= 0));`,
    );
    this.addSql(`alter table "asset" add constraint "asset_storage_key_unique" unique ("storage_key");`);

    this.addSql(
      `alter table "template" add constraint "template_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "snippet" add constraint "snippet_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "retention_policy" add constraint "retention_policy_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "macro" add constraint "macro_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "knowledge_article" add constraint "knowledge_article_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "feature_flag" add constraint "feature_flag_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "audit_log" add constraint "audit_log_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "app_user" add constraint "app_user_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "segment" add constraint "segment_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "segment" add constraint "segment_owner_id_foreign" foreign key ("owner_id") references "app_user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "notification_preference" add constraint "notification_preference_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "notification_preference" add constraint "notification_preference_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "notification" add constraint "notification_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "notification" add constraint "notification_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "export_schedule" add constraint "export_schedule_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "export_schedule" add constraint "export_schedule_owner_id_foreign" foreign key ("owner_id") references "app_user" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "export_schedule" add constraint "export_schedule_segment_id_foreign" foreign key ("segment_id") references "segment" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "customer" add constraint "customer_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "customer" add constraint "customer_owner_id_foreign" foreign key ("owner_id") references "app_user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "ticket" add constraint "ticket_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "ticket" add constraint "ticket_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "ticket" add constraint "ticket_assignee_id_foreign" foreign key ("assignee_id") references "app_user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "survey_request" add constraint "survey_request_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "survey_request" add constraint "survey_request_ticket_id_foreign" foreign key ("ticket_id") references "ticket" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "survey_request" add constraint "survey_request_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "survey_response" add constraint "survey_response_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "survey_response" add constraint "survey_response_request_id_foreign" foreign key ("request_id") references "survey_request" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "survey_response" add constraint "survey_response_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "segment_membership" add constraint "segment_membership_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "segment_membership" add constraint "segment_membership_segment_id_foreign" foreign key ("segment_id") references "segment" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "segment_membership" add constraint "segment_membership_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "knowledge_view" add constraint "knowledge_view_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "knowledge_view" add constraint "knowledge_view_article_id_foreign" foreign key ("article_id") references "knowledge_article" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "knowledge_view" add constraint "knowledge_view_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "deal" add constraint "deal_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "deal" add constraint "deal_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "conversion_event" add constraint "conversion_event_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "conversion_event" add constraint "conversion_event_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "conversation" add constraint "conversation_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "conversation" add constraint "conversation_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "conversation" add constraint "conversation_assignee_id_foreign" foreign key ("assignee_id") references "app_user" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "conversation" add constraint "conversation_ticket_id_foreign" foreign key ("ticket_id") references "ticket" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "message" add constraint "message_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "message" add constraint "message_conversation_id_foreign" foreign key ("conversation_id") references "conversation" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "message" add constraint "message_author_id_foreign" foreign key ("author_id") references "app_user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "call" add constraint "call_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "call" add constraint "call_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "call" add constraint "call_ticket_id_foreign" foreign key ("ticket_id") references "ticket" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "call" add constraint "call_agent_id_foreign" foreign key ("agent_id") references "app_user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "asset" add constraint "asset_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "asset" add constraint "asset_uploaded_by_id_foreign" foreign key ("uploaded_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );

    // Written by hand (the schema diff does not see these).
    // Versions for search documents: a later read of a customer always carries a higher version.
    this.addSql(`create sequence "search_document_version_seq";`);
    // Wake the outbox relay. PostgreSQL delivers a NOTIFY when the inserting transaction commits,
    // never after a rollback, and folds repeats within a transaction: one wake-up per commit.
    this.addSql(`create function "outbox_event_notify"() returns trigger language plpgsql as $$
begin
  perform pg_notify('c360_outbox', '');
  return null;
end
$$;`);
    this.addSql(
      `create trigger "outbox_event_notify" after insert on "outbox_event" for each statement execute function "outbox_event_notify"();`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "outbox_event_notify" on "outbox_event";`);
    this.addSql(`drop function if exists "outbox_event_notify"();`);
    this.addSql(`drop sequence if exists "search_document_version_seq";`);
    this.addSql(`alter table "template" drop constraint "template_tenant_id_foreign";`);

    this.addSql(`alter table "snippet" drop constraint "snippet_tenant_id_foreign";`);

    this.addSql(`alter table "retention_policy" drop constraint "retention_policy_tenant_id_foreign";`);

    this.addSql(`alter table "macro" drop constraint "macro_tenant_id_foreign";`);

    this.addSql(`alter table "knowledge_article" drop constraint "knowledge_article_tenant_id_foreign";`);

    this.addSql(`alter table "feature_flag" drop constraint "feature_flag_tenant_id_foreign";`);

    this.addSql(`alter table "audit_log" drop constraint "audit_log_tenant_id_foreign";`);

    this.addSql(`alter table "app_user" drop constraint "app_user_tenant_id_foreign";`);

    this.addSql(`alter table "segment" drop constraint "segment_tenant_id_foreign";`);

    this.addSql(
      `alter table "notification_preference" drop constraint "notification_preference_tenant_id_foreign";`,
    );

    this.addSql(`alter table "notification" drop constraint "notification_tenant_id_foreign";`);

    this.addSql(`alter table "export_schedule" drop constraint "export_schedule_tenant_id_foreign";`);

    this.addSql(`alter table "customer" drop constraint "customer_tenant_id_foreign";`);

    this.addSql(`alter table "ticket" drop constraint "ticket_tenant_id_foreign";`);

    this.addSql(`alter table "survey_request" drop constraint "survey_request_tenant_id_foreign";`);

    this.addSql(`alter table "survey_response" drop constraint "survey_response_tenant_id_foreign";`);

    this.addSql(`alter table "segment_membership" drop constraint "segment_membership_tenant_id_foreign";`);

    this.addSql(`alter table "knowledge_view" drop constraint "knowledge_view_tenant_id_foreign";`);

    this.addSql(`alter table "deal" drop constraint "deal_tenant_id_foreign";`);

    this.addSql(`alter table "conversion_event" drop constraint "conversion_event_tenant_id_foreign";`);

    this.addSql(`alter table "conversation" drop constraint "conversation_tenant_id_foreign";`);

    this.addSql(`alter table "message" drop constraint "message_tenant_id_foreign";`);

    this.addSql(`alter table "call" drop constraint "call_tenant_id_foreign";`);

    this.addSql(`alter table "asset" drop constraint "asset_tenant_id_foreign";`);

    this.addSql(`alter table "knowledge_view" drop constraint "knowledge_view_article_id_foreign";`);

    this.addSql(`alter table "segment" drop constraint "segment_owner_id_foreign";`);

    this.addSql(
      `alter table "notification_preference" drop constraint "notification_preference_user_id_foreign";`,
    );

    this.addSql(`alter table "notification" drop constraint "notification_user_id_foreign";`);

    this.addSql(`alter table "export_schedule" drop constraint "export_schedule_owner_id_foreign";`);

    this.addSql(`alter table "customer" drop constraint "customer_owner_id_foreign";`);

    this.addSql(`alter table "ticket" drop constraint "ticket_assignee_id_foreign";`);

    this.addSql(`alter table "conversation" drop constraint "conversation_assignee_id_foreign";`);

    this.addSql(`alter table "message" drop constraint "message_author_id_foreign";`);

    this.addSql(`alter table "call" drop constraint "call_agent_id_foreign";`);

    this.addSql(`alter table "asset" drop constraint "asset_uploaded_by_id_foreign";`);

    this.addSql(`alter table "export_schedule" drop constraint "export_schedule_segment_id_foreign";`);

    this.addSql(`alter table "segment_membership" drop constraint "segment_membership_segment_id_foreign";`);

    this.addSql(`alter table "ticket" drop constraint "ticket_customer_id_foreign";`);

    this.addSql(`alter table "survey_request" drop constraint "survey_request_customer_id_foreign";`);

    this.addSql(`alter table "survey_response" drop constraint "survey_response_customer_id_foreign";`);

    this.addSql(`alter table "segment_membership" drop constraint "segment_membership_customer_id_foreign";`);

    this.addSql(`alter table "knowledge_view" drop constraint "knowledge_view_customer_id_foreign";`);

    this.addSql(`alter table "deal" drop constraint "deal_customer_id_foreign";`);

    this.addSql(`alter table "conversion_event" drop constraint "conversion_event_customer_id_foreign";`);

    this.addSql(`alter table "conversation" drop constraint "conversation_customer_id_foreign";`);

    this.addSql(`alter table "call" drop constraint "call_customer_id_foreign";`);

    this.addSql(`alter table "survey_request" drop constraint "survey_request_ticket_id_foreign";`);

    this.addSql(`alter table "conversation" drop constraint "conversation_ticket_id_foreign";`);

    this.addSql(`alter table "call" drop constraint "call_ticket_id_foreign";`);

    this.addSql(`alter table "survey_response" drop constraint "survey_response_request_id_foreign";`);

    this.addSql(`alter table "message" drop constraint "message_conversation_id_foreign";`);

    this.addSql(`drop table if exists "outbox_event" cascade;`);

    this.addSql(`drop table if exists "tenant" cascade;`);

    this.addSql(`drop table if exists "template" cascade;`);

    this.addSql(`drop table if exists "snippet" cascade;`);

    this.addSql(`drop table if exists "retention_policy" cascade;`);

    this.addSql(`drop table if exists "macro" cascade;`);

    this.addSql(`drop table if exists "knowledge_article" cascade;`);

    this.addSql(`drop table if exists "feature_flag" cascade;`);

    this.addSql(`drop table if exists "audit_log" cascade;`);

    this.addSql(`drop table if exists "app_user" cascade;`);

    this.addSql(`drop table if exists "segment" cascade;`);

    this.addSql(`drop table if exists "notification_preference" cascade;`);

    this.addSql(`drop table if exists "notification" cascade;`);

    this.addSql(`drop table if exists "export_schedule" cascade;`);

    this.addSql(`drop table if exists "customer" cascade;`);

    this.addSql(`drop table if exists "ticket" cascade;`);

    this.addSql(`drop table if exists "survey_request" cascade;`);

    this.addSql(`drop table if exists "survey_response" cascade;`);

    this.addSql(`drop table if exists "segment_membership" cascade;`);

    this.addSql(`drop table if exists "knowledge_view" cascade;`);

    this.addSql(`drop table if exists "deal" cascade;`);

    this.addSql(`drop table if exists "conversion_event" cascade;`);

    this.addSql(`drop table if exists "conversation" cascade;`);

    this.addSql(`drop table if exists "message" cascade;`);

    this.addSql(`drop table if exists "call" cascade;`);

    this.addSql(`drop table if exists "asset" cascade;`);
  }
}
