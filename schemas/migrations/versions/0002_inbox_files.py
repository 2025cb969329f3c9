"""Files seen by the scheduled inbox runs.

Revision ID: 0002_inbox_files
Revises: 0001_initial
"""
import sqlalchemy as sa
from alembic import op

revision = "0002_inbox_files"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('inbox_files',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('inbox', sa.Text(), nullable=False),
    sa.Column('file_name', sa.Text(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('archived_to', sa.Text(), nullable=True),
    sa.Column('run_id', sa.Integer(), nullable=True),
    sa.Column('processed_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('inbox', 'file_name', 'sha256')
    )


def downgrade() -> None:
    op.drop_table('inbox_files')
