import { Migration } from '@mikro-orm/migrations';

export class Migration20261129132157_timelineEvents extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "timeline_event" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "customer_id" uuid not null, "kind" varchar(64) not null, "title" varchar(300) not null, "data" jsonb not null, "occurred_at" timestamptz not null, "dedupe_key" varchar(300) not null, constraint "timeline_event_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "timeline_event_customer_id_occurred_at_index" on "timeline_event" ("customer_id", "occurred_at");`,
    );
    this.addSql(
      `alter table "timeline_event" add constraint "timeline_event_tenant_id_dedupe_key_unique" unique ("tenant_id", "dedupe_key");`,
    );

    this.addSql(
      `alter table "timeline_event" add constraint "timeline_event_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "timeline_event" add constraint "timeline_event_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "timeline_event" cascade;`);
  }
}
