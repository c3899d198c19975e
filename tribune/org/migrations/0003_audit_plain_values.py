"""The audit log keeps who and which congress as plain values, and refuses change at the database.

The foreign keys `user` and `congress` become plain integer columns under the same column names
(`user_id`, `congress_id`), so every existing row keeps its values; `congress_code` is filled from
the congress table for existing rows. On PostgreSQL a trigger then refuses UPDATE and DELETE on
the table (TRUNCATE, which test flushes use, is a different event and stays possible)."""

import django.utils.timezone
from django.db import migrations, models

TABLE = "org_auditentry"

TRIGGER_SQL = f"""
CREATE OR REPLACE FUNCTION tribune_audit_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'The audit log is append-only: % refused on %', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS tribune_audit_append_only ON {TABLE};
CREATE TRIGGER tribune_audit_append_only BEFORE UPDATE OR DELETE ON {TABLE}
    FOR EACH ROW EXECUTE FUNCTION tribune_audit_append_only();
"""

DROP_TRIGGER_SQL = f"""
DROP TRIGGER IF EXISTS tribune_audit_append_only ON {TABLE};
DROP FUNCTION IF EXISTS tribune_audit_append_only();
"""


def fill_congress_codes(apps, schema_editor):
    # Historical models use a plain manager, so this UPDATE is allowed (the trigger comes after).
    AuditEntry = apps.get_model("org", "AuditEntry")
    Congress = apps.get_model("org", "Congress")
    for congress_id, code in Congress.objects.values_list("id", "code"):
        AuditEntry.objects.filter(congress_id=congress_id).update(congress_code=code)


def add_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(TRIGGER_SQL, params=None)


def drop_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_TRIGGER_SQL, params=None)


class Migration(migrations.Migration):

    dependencies = [
        ("org", "0002_member_job_title"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # In the database: the same columns lose their foreign-key constraints (SQLite copies
            # the table, PostgreSQL drops the constraint), keeping every value.
            database_operations=[
                migrations.AlterField(
                    model_name="auditentry", name="user",
                    field=models.BigIntegerField(blank=True, null=True, db_column="user_id"),
                ),
                migrations.AlterField(
                    model_name="auditentry", name="congress",
                    field=models.BigIntegerField(blank=True, null=True, db_column="congress_id", db_index=True),
                ),
            ],
            state_operations=[
                migrations.RemoveField(model_name="auditentry", name="user"),
                migrations.RemoveField(model_name="auditentry", name="congress"),
                migrations.AddField(
                    model_name="auditentry", name="user_id",
                    field=models.BigIntegerField(blank=True, null=True, verbose_name="user id"),
                ),
                migrations.AddField(
                    model_name="auditentry", name="congress_id",
                    field=models.BigIntegerField(blank=True, db_index=True, null=True, verbose_name="congress id"),
                ),
            ],
        ),
        migrations.AddField(
            model_name="auditentry", name="congress_code",
            field=models.CharField(blank=True, max_length=40, verbose_name="congress code", default=""),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name="auditentry", name="at",
            field=models.DateTimeField(db_index=True, default=django.utils.timezone.now, verbose_name="time"),
        ),
        migrations.RunPython(fill_congress_codes, migrations.RunPython.noop),
        migrations.RunPython(add_trigger, drop_trigger),
    ]
