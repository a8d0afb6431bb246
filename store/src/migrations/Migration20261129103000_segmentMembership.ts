import { Migration } from '@mikro-orm/migrations';

/**
 * Real-time segment membership: a definition version per segment (one recompute per version),
 * the version whose recompute finished, the instant its percolator query was anchored at, and
 * the cached member count kept by a trigger on segment_membership, so every writer (relay,
 * recompute, sweep, reconciliation, a customer's cascade delete) keeps it exact.
 */
export class Migration20261129103000_segmentMembership extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "segment" add column "definition_version" int not null default 1, add column "computed_version" int not null default 0, add column "anchored_at" timestamptz null;`,
    );

    // Written by hand (the schema diff does not see these). Statement-level with transition
    // tables: one update per segment per statement, whatever the number of rows.
    this.addSql(
      `update "segment" s set "cached_count" = (select count(*) from "segment_membership" m where m."segment_id" = s."id");`,
    );
    this.addSql(`create function "segment_membership_count_in"() returns trigger language plpgsql as $$
begin
  update "segment" s set "cached_count" = coalesce(s."cached_count", 0) + d.n, "counted_at" = now()
  from (select "segment_id", count(*) as n from new_rows group by "segment_id") d where s."id" = d."segment_id";
  return null;
end
$$;`);
    this.addSql(`create function "segment_membership_count_out"() returns trigger language plpgsql as $$
begin
  update "segment" s set "cached_count" = coalesce(s."cached_count", 0) - d.n, "counted_at" = now()
  from (select "segment_id", count(*) as n from old_rows group by "segment_id") d where s."id" = d."segment_id";
  return null;
end
$$;`);
    this.addSql(
      `create trigger "segment_membership_count_in" after insert on "segment_membership" referencing new table as new_rows for each statement execute function "segment_membership_count_in"();`,
    );
    this.addSql(
      `create trigger "segment_membership_count_out" after delete on "segment_membership" referencing old table as old_rows for each statement execute function "segment_membership_count_out"();`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "segment_membership_count_out" on "segment_membership";`);
    this.addSql(`drop trigger if exists "segment_membership_count_in" on "segment_membership";`);
    this.addSql(`drop function if exists "segment_membership_count_out"();`);
    this.addSql(`drop function if exists "segment_membership_count_in"();`);
    this.addSql(
      `alter table "segment" drop column "definition_version", drop column "computed_version", drop column "anchored_at";`,
    );
  }
}
