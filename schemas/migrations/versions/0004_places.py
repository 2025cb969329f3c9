"""Places of all China: entities keyed by (name, parent code) and carrying their official code;
the jurisdiction of each document with its code, confidence and evidence; a category on each
fact (省重点项目, 产业项目 …) so that totals and their parts are told apart.

Revision ID: 0004_places
Revises: 0003_safety
"""
import sqlalchemy as sa
from alembic import op

revision = "0004_places"
down_revision = "0003_safety"
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
       f.row AS "row", f.col AS col, f.quote AS quote, f.extractor AS extractor,
       f.confidence AS confidence, f.flags AS flags, f.run_id AS load_id, d.jurisdiction AS jurisdiction,
       d.jurisdiction_code AS jurisdiction_code, d.jurisdiction_confidence AS jurisdiction_confidence
FROM facts f
JOIN documents d ON d.id = f.document_id
LEFT JOIN entities e ON e.id = f.entity_id
LEFT JOIN metrics m ON m.id = f.metric_id
"""

NAMING = {"uq": "uq_%(table_name)s_%(column_0_name)s"}


def upgrade() -> None:
    op.execute("DROP VIEW IF EXISTS facts_view")
    if op.get_bind().dialect.name == "sqlite":  # SQLite alters a constraint by copying the table
        with op.batch_alter_table("entities", naming_convention=NAMING, recreate="always") as batch:
            batch.add_column(sa.Column("parent_code", sa.String(length=16), nullable=False, server_default=""))
            batch.drop_constraint("uq_entities_name", type_="unique")
            batch.create_unique_constraint("uq_entities_name_parent_code", ["name", "parent_code"])
    else:
        op.add_column("entities", sa.Column("parent_code", sa.String(length=16), nullable=False, server_default=""))
        op.drop_constraint("entities_name_key", "entities", type_="unique")
        op.create_unique_constraint("uq_entities_name_parent_code", "entities", ["name", "parent_code"])
    # entities of an older warehouse get their parent's code: an official division's from its own
    # code (430204 → 430200, 430200 → 430000), any other's from its parent's row
    op.execute("""UPDATE entities SET parent_code = CASE
        WHEN code IS NOT NULL AND length(code) = 6 AND substr(code, 3, 4) = '0000' THEN ''
        WHEN code IS NOT NULL AND length(code) = 6 AND substr(code, 5, 2) = '00' THEN substr(code, 1, 2) || '0000'
        WHEN code IS NOT NULL AND length(code) = 6 THEN substr(code, 1, 4) || '00'
        ELSE COALESCE((SELECT p.code FROM entities p WHERE p.name = entities.parent AND p.code IS NOT NULL
                       ORDER BY p.id LIMIT 1), '') END""")
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("jurisdiction_code", sa.String(length=16), nullable=True))
        batch.add_column(sa.Column("jurisdiction_confidence", sa.Float(), nullable=True))
        batch.add_column(sa.Column("jurisdiction_evidence", sa.Text(), nullable=True))
    with op.batch_alter_table("facts") as batch:
        batch.add_column(sa.Column("category", sa.Text(), nullable=False, server_default=""))
    op.create_index("ix_facts_category", "facts", ["category"])
    op.execute(FACTS_VIEW)


def downgrade() -> None:
    from importlib import import_module

    op.execute("DROP VIEW IF EXISTS facts_view")
    op.drop_index("ix_facts_category", "facts")
    with op.batch_alter_table("facts") as batch:
        batch.drop_column("category")
    with op.batch_alter_table("documents") as batch:
        for name in ("jurisdiction_evidence", "jurisdiction_confidence", "jurisdiction_code"):
            batch.drop_column(name)
    if op.get_bind().dialect.name == "sqlite":
        with op.batch_alter_table("entities", recreate="always") as batch:
            batch.drop_constraint("uq_entities_name_parent_code", type_="unique")
            batch.drop_column("parent_code")
            batch.create_unique_constraint("uq_entities_name", ["name"])
    else:
        op.drop_constraint("uq_entities_name_parent_code", "entities", type_="unique")
        op.drop_column("entities", "parent_code")
        op.create_unique_constraint("entities_name_key", "entities", ["name"])
    op.execute(import_module("schemas.migrations.versions.0001_initial").FACTS_VIEW)
