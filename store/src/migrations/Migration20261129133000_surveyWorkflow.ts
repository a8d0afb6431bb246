import { Migration } from '@mikro-orm/migrations';

/** Survey requests remember the workflow that runs them, so an answer can signal it. */
export class Migration20261129133000_surveyWorkflow extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "survey_request" add column "workflow_id" varchar(200) null;`);
    this.addSql(
      `alter table "survey_request" add constraint "survey_request_tenant_id_workflow_id_unique" unique ("tenant_id", "workflow_id");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "survey_request" drop constraint "survey_request_tenant_id_workflow_id_unique";`,
    );
    this.addSql(`alter table "survey_request" drop column "workflow_id";`);
  }
}
