import { Migration } from '@mikro-orm/migrations';

export class Migration20261129103629_tenantScoreModel extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "tenant_score_model" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "model" jsonb not null, "settings_fingerprint" text not null, "population" int not null, "computed_at" timestamptz not null, "updated_at" timestamptz not null, constraint "tenant_score_model_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "tenant_score_model" add constraint "tenant_score_model_tenant_id_unique" unique ("tenant_id");`,
    );

    this.addSql(
      `alter table "tenant_score_model" add constraint "tenant_score_model_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "tenant_score_model" cascade;`);
  }
}
