"""The warehouse as the text, PDF and names slices need it: documents, tables, facts, entities and
their aliases, metrics, findings, notes, runs, failures, and the facts_view.

Revision ID: 0001_initial
Revises: None
"""
import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None

FACTS_VIEW = """
CREATE VIEW facts_view AS
SELECT f.id AS fact_id,
       d.file_name AS document, d.source_path AS document_path, d.sha256 AS sha256,
       d.title AS title, d.issuer AS issuer, d.issued_on AS issued_on,
       f.period_label AS period_label, f.period_start AS period_start, f.period_end AS period_end,
       e.name AS entity, f.entity_raw AS entity_raw, e.kind AS entity_kind,
       f.entity_method AS entity_method, f.entity_score AS entity_score,
       m.name AS metric, f.metric_raw AS metric_raw,
       f.value AS value, f.unit AS unit, f.value_base AS value_base, f.unit_base AS unit_base,
       f.source_kind AS source_kind, f.page AS page, f.line AS line, f.table_index AS table_index,
       f.row AS "row", f.col AS col, f.quote AS quote, f.extractor AS extractor,
       f.confidence AS confidence, f.flags AS flags, f.run_id AS load_id, d.jurisdiction AS jurisdiction
FROM facts f
JOIN documents d ON d.id = f.document_id
LEFT JOIN entities e ON e.id = f.entity_id
LEFT JOIN metrics m ON m.id = f.metric_id
"""


def upgrade() -> None:
    op.create_table('entities',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=128), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('code', sa.String(length=16), nullable=True),
    sa.Column('parent', sa.String(length=128), nullable=True),
    sa.Column('in_gazetteer', sa.Boolean(), nullable=False),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name')
    )
    op.create_table('ingest_runs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.Column('finished_at', sa.DateTime(), nullable=True),
    sa.Column('command', sa.Text(), nullable=True),
    sa.Column('files_seen', sa.Integer(), nullable=False),
    sa.Column('loaded', sa.Integer(), nullable=False),
    sa.Column('replaced', sa.Integer(), nullable=False),
    sa.Column('skipped', sa.Integer(), nullable=False),
    sa.Column('failed', sa.Integer(), nullable=False),
    sa.Column('facts', sa.Integer(), nullable=False),
    sa.Column('seconds', sa.Float(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('metrics',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=256), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name')
    )
    op.create_table('documents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('source_path', sa.Text(), nullable=False),
    sa.Column('file_name', sa.Text(), nullable=False),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('issuer', sa.Text(), nullable=True),
    sa.Column('issued_on', sa.Date(), nullable=True),
    sa.Column('series_no', sa.String(length=64), nullable=True),
    sa.Column('doc_no', sa.String(length=128), nullable=True),
    sa.Column('period_label', sa.String(length=64), nullable=True),
    sa.Column('period_start', sa.Date(), nullable=True),
    sa.Column('period_end', sa.Date(), nullable=True),
    sa.Column('year', sa.Integer(), nullable=True),
    sa.Column('jurisdiction', sa.String(length=64), nullable=True),
    sa.Column('encoding', sa.String(length=32), nullable=True),
    sa.Column('pages', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('n_facts', sa.Integer(), nullable=False),
    sa.Column('run_id', sa.Integer(), nullable=True),
    sa.Column('loaded_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['run_id'], ['ingest_runs.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('sha256')
    )
    op.create_index(op.f('ix_documents_source_path'), 'documents', ['source_path'], unique=False)
    op.create_table('entity_aliases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('raw', sa.String(length=256), nullable=False),
    sa.Column('context', sa.String(length=64), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=False),
    sa.Column('method', sa.String(length=32), nullable=False),
    sa.Column('score', sa.Float(), nullable=False),
    sa.Column('confirmed', sa.Boolean(), nullable=False),
    sa.Column('candidates', sa.Text(), nullable=True),
    sa.Column('decided_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['entity_id'], ['entities.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('raw', 'context')
    )
    op.create_table('failures',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('run_id', sa.Integer(), nullable=True),
    sa.Column('source_path', sa.Text(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=True),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['run_id'], ['ingest_runs.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('extracted_tables',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('table_index', sa.Integer(), nullable=False),
    sa.Column('page', sa.Integer(), nullable=True),
    sa.Column('first_line', sa.Integer(), nullable=True),
    sa.Column('attachment', sa.String(length=32), nullable=True),
    sa.Column('caption', sa.Text(), nullable=True),
    sa.Column('unit_line', sa.Text(), nullable=True),
    sa.Column('method', sa.String(length=32), nullable=False),
    sa.Column('quality', sa.Float(), nullable=True),
    sa.Column('n_rows', sa.Integer(), nullable=False),
    sa.Column('n_cols', sa.Integer(), nullable=False),
    sa.Column('header_paths', sa.Text(), nullable=False),
    sa.Column('run_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('document_id', 'table_index')
    )
    op.create_index(op.f('ix_extracted_tables_document_id'), 'extracted_tables', ['document_id'], unique=False)
    op.create_table('facts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('run_id', sa.Integer(), nullable=True),
    sa.Column('entity_id', sa.Integer(), nullable=True),
    sa.Column('entity_raw', sa.Text(), nullable=False),
    sa.Column('entity_key', sa.String(length=256), nullable=False),
    sa.Column('entity_context', sa.String(length=64), nullable=False),
    sa.Column('entity_method', sa.String(length=32), nullable=True),
    sa.Column('entity_score', sa.Float(), nullable=True),
    sa.Column('metric_id', sa.Integer(), nullable=True),
    sa.Column('metric_raw', sa.Text(), nullable=False),
    sa.Column('period_label', sa.String(length=64), nullable=True),
    sa.Column('period_start', sa.Date(), nullable=True),
    sa.Column('period_end', sa.Date(), nullable=True),
    sa.Column('value', sa.Float(), nullable=False),
    sa.Column('unit', sa.String(length=32), nullable=True),
    sa.Column('value_base', sa.Float(), nullable=True),
    sa.Column('unit_base', sa.String(length=32), nullable=True),
    sa.Column('source_kind', sa.String(length=8), nullable=False),
    sa.Column('page', sa.Integer(), nullable=True),
    sa.Column('line', sa.Integer(), nullable=True),
    sa.Column('table_index', sa.Integer(), nullable=True),
    sa.Column('row', sa.Integer(), nullable=True),
    sa.Column('col', sa.Integer(), nullable=True),
    sa.Column('raw', sa.Text(), nullable=True),
    sa.Column('quote', sa.Text(), nullable=False),
    sa.Column('extractor', sa.String(length=32), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('flags', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['entity_id'], ['entities.id'], ),
    sa.ForeignKeyConstraint(['metric_id'], ['metrics.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_facts_document_id'), 'facts', ['document_id'], unique=False)
    op.create_index(op.f('ix_facts_entity_id'), 'facts', ['entity_id'], unique=False)
    op.create_index(op.f('ix_facts_entity_key'), 'facts', ['entity_key'], unique=False)
    op.create_index(op.f('ix_facts_metric_id'), 'facts', ['metric_id'], unique=False)
    op.create_index('ix_facts_period', 'facts', ['period_start', 'period_end'], unique=False)
    op.create_table('findings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('check', sa.String(length=32), nullable=False),
    sa.Column('severity', sa.String(length=16), nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('table_index', sa.Integer(), nullable=True),
    sa.Column('row', sa.Integer(), nullable=True),
    sa.Column('col', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_findings_document_id'), 'findings', ['document_id'], unique=False)
    op.create_table('notes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('table_index', sa.Integer(), nullable=True),
    sa.Column('line', sa.Integer(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_notes_document_id'), 'notes', ['document_id'], unique=False)
    op.execute(FACTS_VIEW)


def downgrade() -> None:
    op.execute("DROP VIEW IF EXISTS facts_view")
    op.drop_table('notes')
    op.drop_table('findings')
    op.drop_table('facts')
    op.drop_table('extracted_tables')
    op.drop_table('failures')
    op.drop_table('entity_aliases')
    op.drop_table('documents')
    op.drop_table('metrics')
    op.drop_table('ingest_runs')
    op.drop_table('entities')
