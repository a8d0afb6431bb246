import { Migration } from '@mikro-orm/migrations';

/** A retention rule for export files (segment exports and report runs): `exports`. */
export class Migration20261129203000_exportRetention extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "retention_policy" drop constraint if exists "retention_policy_target_check";`);
    this.addSql(
      `alter table "retention_policy" add constraint "retention_policy_target_check" check ("target" in ('messages', 'calls', 'tickets', 'exports', 'audit_log', 'notifications', 'inactive_customers'));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "retention_policy" where "target" = 'exports';`);
    this.addSql(`alter table "retention_policy" drop constraint if exists "retention_policy_target_check";`);
    this.addSql(
      `alter table "retention_policy" add constraint "retention_policy_target_check" check ("target" in ('messages', 'calls', 'tickets', 'audit_log', 'notifications', 'inactive_customers'));`,
    );
  }
}
