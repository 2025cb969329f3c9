"""Safety records: how a run ended (and which process ran it), explicit corrections that replace
a document, and the archivists' name decisions with who made them and how to undo them.

Revision ID: 0003_safety
Revises: 0002_inbox_files
"""
import sqlalchemy as sa
from alembic import op

revision = "0003_safety"
down_revision = "0002_inbox_files"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("ingest_runs") as batch:
        # running | finished | interrupted | abandoned (its process died without a word)
        batch.add_column(sa.Column("status", sa.String(length=16), nullable=False, server_default="finished"))
        batch.add_column(sa.Column("host", sa.String(length=255), nullable=True))
        batch.add_column(sa.Column("pid", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("pid_started", sa.String(length=32), nullable=True))
        batch.add_column(sa.Column("os_user", sa.String(length=64), nullable=True))
    op.create_table("replacements",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("run_id", sa.Integer(), nullable=True),
    sa.Column("source_path", sa.Text(), nullable=False),
    sa.Column("old_sha256", sa.String(length=64), nullable=False),
    sa.Column("old_loaded_at", sa.DateTime(), nullable=True),
    sa.Column("old_facts", sa.Integer(), nullable=False),
    sa.Column("new_sha256", sa.String(length=64), nullable=False),
    sa.Column("replaced_at", sa.DateTime(), nullable=False),
    sa.Column("os_user", sa.String(length=64), nullable=True),
    sa.PrimaryKeyConstraint("id")
    )
    op.create_index("ix_replacements_run_id", "replacements", ["run_id"])
    op.create_table("name_decisions",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("action", sa.String(length=16), nullable=False),
    sa.Column("summary", sa.Text(), nullable=False),
    sa.Column("decided_at", sa.DateTime(), nullable=False),
    sa.Column("decided_by", sa.String(length=64), nullable=True),
    sa.Column("facts_changed", sa.Integer(), nullable=False),
    sa.Column("undo_state", sa.Text(), nullable=False),
    sa.Column("undone_at", sa.DateTime(), nullable=True),
    sa.Column("undone_by", sa.String(length=64), nullable=True),
    sa.PrimaryKeyConstraint("id")
    )


def downgrade() -> None:
    op.drop_table("name_decisions")
    op.drop_index("ix_replacements_run_id", "replacements")
    op.drop_table("replacements")
    with op.batch_alter_table("ingest_runs") as batch:
        for name in ("os_user", "pid_started", "pid", "host", "status"):
            batch.drop_column(name)
