import { Migration } from '@mikro-orm/migrations';

export class Migration20261129134414_playbooks extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "playbook_ticket" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "key" varchar(400) not null, "ticket_id" uuid not null, "workflow_id" varchar(400) not null, constraint "playbook_ticket_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "playbook_ticket_ticket_id_index" on "playbook_ticket" ("ticket_id");`);
    this.addSql(
      `alter table "playbook_ticket" add constraint "playbook_ticket_tenant_id_key_unique" unique ("tenant_id", "key");`,
    );

    this.addSql(
      `create table "playbook_entry" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "segment_id" uuid not null, "customer_id" uuid not null, "last_started_at" timestamptz not null, "run_key" varchar(400) not null, constraint "playbook_entry_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "playbook_entry_customer_id_index" on "playbook_entry" ("customer_id");`);
    this.addSql(
      `alter table "playbook_entry" add constraint "playbook_entry_segment_id_customer_id_unique" unique ("segment_id", "customer_id");`,
    );

    this.addSql(
      `alter table "playbook_ticket" add constraint "playbook_ticket_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "playbook_ticket" add constraint "playbook_ticket_ticket_id_foreign" foreign key ("ticket_id") references "ticket" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "playbook_entry" add constraint "playbook_entry_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "playbook_entry" add constraint "playbook_entry_segment_id_foreign" foreign key ("segment_id") references "segment" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "playbook_entry" add constraint "playbook_entry_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "playbook_ticket" cascade;`);

    this.addSql(`drop table if exists "playbook_entry" cascade;`);
  }
}
