import { Migration } from '@mikro-orm/migrations';

export class Migration20261129132605_sendPath extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "send_slot" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "customer_id" uuid not null, "local_day" varchar(10) not null, "slot" int not null, "send_key" varchar(200) not null, constraint "send_slot_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "send_slot" add constraint "send_slot_day_slot_unique" unique ("tenant_id", "customer_id", "local_day", "slot");`,
    );
    this.addSql(
      `alter table "send_slot" add constraint "send_slot_send_key_unique" unique ("tenant_id", "send_key");`,
    );

    this.addSql(
      `create table "scheduled_reply" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "conversation_id" uuid not null, "customer_id" uuid not null, "author_id" uuid null, "content" jsonb not null, "send_at" timestamptz not null, "status" text check ("status" in ('scheduled', 'sent', 'cancelled', 'skipped', 'failed')) not null default 'scheduled', "outcome" jsonb null, "message_id" uuid null, "workflow_id" varchar(300) not null, "updated_at" timestamptz not null, constraint "scheduled_reply_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "scheduled_reply_conversation_id_status_send_at_index" on "scheduled_reply" ("conversation_id", "status", "send_at");`,
    );

    this.addSql(
      `alter table "send_slot" add constraint "send_slot_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "send_slot" add constraint "send_slot_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "scheduled_reply" add constraint "scheduled_reply_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "scheduled_reply" add constraint "scheduled_reply_conversation_id_foreign" foreign key ("conversation_id") references "conversation" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "scheduled_reply" add constraint "scheduled_reply_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "scheduled_reply" add constraint "scheduled_reply_author_id_foreign" foreign key ("author_id") references "app_user" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "send_slot" cascade;`);

    this.addSql(`drop table if exists "scheduled_reply" cascade;`);
  }
}
