import { Migration } from '@mikro-orm/migrations';

export class Migration20261129103947_segmentExports extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "segment_export" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "segment_id" uuid null, "schedule_id" uuid null, "requested_by_id" uuid null, "format" varchar(10) not null, "columns" text[] not null, "status" text check ("status" in ('running', 'done', 'failed')) not null, "workflow_id" varchar(300) not null, "file_name" varchar(300) null, "file_path" varchar(1000) null, "row_count" int null, "byte_size" bigint null, "error" text null, "completed_at" timestamptz null, "updated_at" timestamptz not null, constraint "segment_export_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "segment_export_tenant_id_created_at_index" on "segment_export" ("tenant_id", "created_at");`,
    );
    this.addSql(
      `alter table "segment_export" add constraint "segment_export_workflow_id_unique" unique ("workflow_id");`,
    );

    this.addSql(
      `alter table "segment_export" add constraint "segment_export_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "segment_export" add constraint "segment_export_segment_id_foreign" foreign key ("segment_id") references "segment" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "segment_export" add constraint "segment_export_schedule_id_foreign" foreign key ("schedule_id") references "export_schedule" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "segment_export" add constraint "segment_export_requested_by_id_foreign" foreign key ("requested_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "export_schedule" add column "columns" text[] not null default '{}', add column "overlap_policy" text check ("overlap_policy" in ('SKIP', 'BUFFER_ONE', 'BUFFER_ALL', 'CANCEL_OTHER', 'TERMINATE_OTHER', 'ALLOW_ALL')) not null default 'SKIP', add column "catchup_window_seconds" int not null default 3600;`,
    );
    // The default only fills existing rows; new rows get their columns from the application.
    this.addSql(`alter table "export_schedule" alter column "columns" drop default;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "segment_export" cascade;`);

    this.addSql(
      `alter table "export_schedule" drop column "columns", drop column "overlap_policy", drop column "catchup_window_seconds";`,
    );
  }
}
