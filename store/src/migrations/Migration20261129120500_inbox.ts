import { Migration } from '@mikro-orm/migrations';

export class Migration20261129120500_inbox extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "conversation_read" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "conversation_id" uuid not null, "user_id" uuid not null, "last_read_at" timestamptz not null, constraint "conversation_read_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "conversation_read" add constraint "conversation_read_conversation_id_user_id_unique" unique ("conversation_id", "user_id");`,
    );
    this.addSql(
      `alter table "conversation_read" add constraint "conversation_read_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "conversation_read" add constraint "conversation_read_conversation_id_foreign" foreign key ("conversation_id") references "conversation" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "conversation_read" add constraint "conversation_read_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(`alter table "conversation" add column "tags" text[] not null default '{}';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "conversation_read" cascade;`);

    this.addSql(`alter table "conversation" drop column "tags";`);
  }
}
