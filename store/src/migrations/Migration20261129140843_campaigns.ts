import { Migration } from '@mikro-orm/migrations';

export class Migration20261129140843_campaigns extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "campaign" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "segment_id" uuid null, "name" varchar(200) not null, "channel" varchar(20) not null, "purpose" varchar(20) not null, "content" jsonb not null, "status" varchar(20) not null default 'running', "created_by_id" uuid null, "workflow_id" varchar(200) not null, "report" jsonb null, "finished_at" timestamptz null, "updated_at" timestamptz not null, constraint "campaign_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "campaign_tenant_id_created_at_index" on "campaign" ("tenant_id", "created_at");`,
    );

    this.addSql(
      `create table "campaign_member" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "campaign_id" uuid not null, "customer_id" uuid not null, "step" varchar(50) not null, "status" varchar(20) not null default 'pending', "reason" varchar(50) null, "not_before" timestamptz null, "deferrals" int not null default 0, "message_id" uuid null, "done_at" timestamptz null, constraint "campaign_member_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "campaign_member_campaign_id_status_customer_id_index" on "campaign_member" ("campaign_id", "status", "customer_id");`,
    );
    this.addSql(
      `alter table "campaign_member" add constraint "campaign_member_tenant_campaign_customer_step_unique" unique ("tenant_id", "campaign_id", "customer_id", "step");`,
    );

    this.addSql(
      `alter table "campaign" add constraint "campaign_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "campaign" add constraint "campaign_segment_id_foreign" foreign key ("segment_id") references "segment" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "campaign" add constraint "campaign_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "campaign_member" add constraint "campaign_member_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "campaign_member" add constraint "campaign_member_campaign_id_foreign" foreign key ("campaign_id") references "campaign" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "campaign_member" add constraint "campaign_member_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "campaign_member" drop constraint "campaign_member_campaign_id_foreign";`);

    this.addSql(`drop table if exists "campaign" cascade;`);

    this.addSql(`drop table if exists "campaign_member" cascade;`);
  }
}
