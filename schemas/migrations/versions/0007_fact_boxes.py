"""A fact's box on its page: where an OCR'd figure stands ("x0,top,x1,bottom" in PDF points,
top-left origin), so that a reviewer can look at the scan where the recognizer read it.

Revision ID: 0007_fact_boxes
Revises: 0006_findings_data
"""
import sqlalchemy as sa
from alembic import op

revision = "0007_fact_boxes"
down_revision = "0006_findings_data"
branch_labels = None
depends_on = None

FACTS_VIEW = """
CREATE VIEW facts_view AS
SELECT f.id AS fact_id,
       d.file_name AS document, d.source_path AS document_path, d.sha256 AS sha256,
       d.title AS title, d.issuer AS issuer, d.issued_on AS issued_on,
       f.period_label AS period_label, f.period_start AS period_start, f.period_end AS period_end,
       e.name AS entity, f.entity_raw AS entity_raw, e.kind AS entity_kind, e.code AS entity_code,
       e.parent AS entity_parent, f.entity_method AS entity_method, f.entity_score AS entity_score,
       m.name AS metric, f.category AS category, f.metric_raw AS metric_raw,
       f.value AS value, f.unit AS unit, f.value_base AS value_base, f.unit_base AS unit_base,
       f.source_kind AS source_kind, f.page AS page, f.line AS line, f.table_index AS table_index,
       f.row AS "row", f.col AS col, f.bbox AS bbox, f.quote AS quote, f.extractor AS extractor,
       f.confidence AS confidence, f.flags AS flags, f.run_id AS load_id, d.jurisdiction AS jurisdiction,
       d.jurisdiction_code AS jurisdiction_code, d.jurisdiction_confidence AS jurisdiction_confidence,
       d.genre AS genre
FROM facts f
JOIN documents d ON d.id = f.document_id
LEFT JOIN entities e ON e.id = f.entity_id
LEFT JOIN metrics m ON m.id = f.metric_id
"""


def upgrade() -> None:
    op.execute("DROP VIEW IF EXISTS facts_view")
    with op.batch_alter_table("facts") as batch:
        batch.add_column(sa.Column("bbox", sa.String(length=64), nullable=True))
    op.execute(FACTS_VIEW)


def downgrade() -> None:
    from importlib import import_module

    op.execute("DROP VIEW IF EXISTS facts_view")
    with op.batch_alter_table("facts") as batch:
        batch.drop_column("bbox")
    op.execute(import_module("schemas.migrations.versions.0005_genre").FACTS_VIEW)
