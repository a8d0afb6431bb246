import { Migration } from '@mikro-orm/migrations';

export class Migration20261129131907_notifications extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "notification" add column "seq" bigserial, add column "dedupe_key" varchar(300) null, add column "delivery" text check ("delivery" in ('in_app', 'toast', 'email')) not null default 'in_app', add column "folded_into" uuid null, add column "folded_count" int not null default 0, add column "emailed_at" timestamptz null, add column "email_due_at" timestamptz null;`,
    );
    this.addSql(`create index "notification_user_id_seq_index" on "notification" ("user_id", "seq");`);
    this.addSql(
      `create index "notification_digest_email_due_index" on "notification" ("email_due_at") where "email_due_at" is not null and "emailed_at" is null;`,
    );
    this.addSql(
      `alter table "notification" add constraint "notification_user_id_dedupe_key_unique" unique ("user_id", "dedupe_key");`,
    );

    // The live stream's wake-up (store/src/notifications/notificationChannel.ts): delivered on commit only.
    this.addSql(`create or replace function notification_signal() returns trigger language plpgsql as $$
begin
  if new.folded_into is not null then
    return null;
  end if;
  perform pg_notify('c360_notification', json_build_object(
    'tenantId', new.tenant_id,
    'userId', new.user_id,
    'seq', case when tg_op = 'INSERT' or new.seq is distinct from old.seq then new.seq end
  )::text);
  return null;
end;
$$;`);
    this.addSql(
      `create trigger notification_signal after insert or update of seq, read_at on "notification" for each row execute function notification_signal();`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists notification_signal on "notification";`);
    this.addSql(`drop function if exists notification_signal();`);
    this.addSql(`drop index "notification_user_id_seq_index";`);
    this.addSql(`drop index "notification_digest_email_due_index";`);
    this.addSql(`alter table "notification" drop constraint "notification_user_id_dedupe_key_unique";`);
    this.addSql(
      `alter table "notification" drop column "seq", drop column "dedupe_key", drop column "delivery", drop column "folded_into", drop column "folded_count", drop column "emailed_at", drop column "email_due_at";`,
    );
  }
}
