import { Migration } from '@mikro-orm/migrations';

/**
 * Scheduled report exports (issue 7): an export run records its report template and parameters,
 * and one run may write several formats (one row per format, so the workflow id is unique per
 * format); a schedule lists the formats it writes. Segment exports become the `segment_members`
 * template.
 */
export class Migration20261129163000_reportExports extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "segment_export" add column "report_template" varchar(100) not null default 'segment_members', add column "params" jsonb not null default '{}', add column "title" varchar(300) null;`,
    );
    this.addSql(`alter table "segment_export" drop constraint "segment_export_workflow_id_unique";`);
    this.addSql(
      `alter table "segment_export" add constraint "segment_export_workflow_id_format_unique" unique ("workflow_id", "format");`,
    );
    this.addSql(`alter table "export_schedule" add column "formats" text[] not null default '{}';`);
    this.addSql(
      `update "export_schedule" set "report_template" = 'segment_members' where "report_template" = 'segment-members';`,
    );
    this.addSql(`update "export_schedule" set "formats" = array["format"] where cardinality("formats") = 0;`);
    // The defaults only filled the rows already there; the entities set these on create.
    this.addSql(`alter table "segment_export" alter column "params" drop default;`);
    this.addSql(`alter table "export_schedule" alter column "formats" drop default;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "export_schedule" drop column "formats";`);
    this.addSql(`alter table "segment_export" drop constraint "segment_export_workflow_id_format_unique";`);
    this.addSql(
      `delete from "segment_export" a using "segment_export" b where a."workflow_id" = b."workflow_id" and a."id" > b."id";`,
    );
    this.addSql(
      `alter table "segment_export" add constraint "segment_export_workflow_id_unique" unique ("workflow_id");`,
    );
    this.addSql(
      `alter table "segment_export" drop column "report_template", drop column "params", drop column "title";`,
    );
  }
}
