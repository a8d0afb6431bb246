import { Migration } from '@mikro-orm/migrations';

export class Migration20261129104615_channels extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "channel_account" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "channel" text check ("channel" in ('whatsapp', 'instagram', 'email')) not null, "external_account_id" varchar(320) not null, "display_name" varchar(200) null, "settings" jsonb not null, "enabled" boolean not null default true, "updated_at" timestamptz not null, constraint "channel_account_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "channel_account" add constraint "channel_account_channel_external_account_id_unique" unique ("channel", "external_account_id");`,
    );

    this.addSql(
      `create table "channel_identity" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "customer_id" uuid not null, "channel" text check ("channel" in ('whatsapp', 'instagram', 'email')) not null, "external_id" varchar(320) not null, "username" varchar(200) null, "display_name" varchar(200) null, "profile_fetched_at" timestamptz null, "updated_at" timestamptz not null, constraint "channel_identity_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "channel_identity_customer_id_index" on "channel_identity" ("customer_id");`);
    this.addSql(
      `alter table "channel_identity" add constraint "channel_identity_tenant_id_channel_external_id_unique" unique ("tenant_id", "channel", "external_id");`,
    );

    this.addSql(
      `alter table "channel_account" add constraint "channel_account_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "channel_identity" add constraint "channel_identity_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "channel_identity" add constraint "channel_identity_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(`alter table "template" add column "whatsapp_spec" jsonb null;`);

    this.addSql(`alter table "message" add column "metadata" jsonb not null default '{}';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "channel_account" cascade;`);

    this.addSql(`drop table if exists "channel_identity" cascade;`);

    this.addSql(`alter table "message" drop column "metadata";`);

    this.addSql(`alter table "template" drop column "whatsapp_spec";`);
  }
}
