import { Migration } from '@mikro-orm/migrations';

export class Migration20261129120000_replies extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "template" add column "usage_count" int not null default 0;`);
    this.addSql(
      `alter table "call" add column "transcript_turns" jsonb null, add column "ended_at" timestamptz null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "template" drop column "usage_count";`);
    this.addSql(`alter table "call" drop column "transcript_turns", drop column "ended_at";`);
  }
}
