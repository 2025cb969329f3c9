"""Findings as data: the entity, measure, category and period a finding is about, the values at
odds and the quotes that state them, and the other document of a finding across documents (a
cumulative series that falls between two bulletins, a bulletin revised by a later one).

Revision ID: 0006_findings_data
Revises: 0005_genre
"""
import sqlalchemy as sa
from alembic import op

revision = "0006_findings_data"
down_revision = "0005_genre"
branch_labels = None
depends_on = None

COLUMNS = [("entity", sa.Text), ("metric", sa.Text), ("category", sa.Text), ("period_label", sa.Text),
           ("period_start", sa.Date), ("period_end", sa.Date), ("figures", sa.Text), ("quotes", sa.Text), ("facts_before", sa.Text)]


def upgrade() -> None:
    with op.batch_alter_table("findings") as batch:
        for name, kind in COLUMNS:
            batch.add_column(sa.Column(name, kind(), nullable=True))
        batch.add_column(sa.Column("other_document_id", sa.Integer(), nullable=True))
        batch.create_foreign_key("fk_findings_other_document", "documents", ["other_document_id"], ["id"],
                                 ondelete="CASCADE")
        batch.create_index("ix_findings_other_document_id", ["other_document_id"])
    # the series check looks up the bulletins of one area
    op.create_index("ix_documents_jurisdiction", "documents", ["jurisdiction"])


def downgrade() -> None:
    op.drop_index("ix_documents_jurisdiction", "documents")
    with op.batch_alter_table("findings") as batch:
        batch.drop_index("ix_findings_other_document_id")
        batch.drop_constraint("fk_findings_other_document", type_="foreignkey")
        batch.drop_column("other_document_id")
        for name, _ in reversed(COLUMNS):
            batch.drop_column(name)
