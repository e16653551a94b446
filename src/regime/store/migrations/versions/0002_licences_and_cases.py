"""Licences and their usage ledger; compliance cases, their events, hits, notices and decision memory.

Revision ID: 0002_licences_cases
Revises: 0001_initial
Create Date: 2026-11-29
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_licences_cases"
down_revision: str | None = "0001_initial"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "licences",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner", sa.String(length=220), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("authorisation", sa.String(length=40), nullable=True),
        sa.Column("issuing_member", sa.String(length=2), nullable=False),
        sa.Column("authority", sa.String(length=200), nullable=False),
        sa.Column("number", sa.String(length=100), nullable=False),
        sa.Column("holder", sa.String(length=300), nullable=False),
        sa.Column("items", sa.JSON(), nullable=False),
        sa.Column("destinations", sa.JSON(), nullable=False),
        sa.Column("consignees", sa.JSON(), nullable=False),
        sa.Column("end_users", sa.JSON(), nullable=False),
        sa.Column("conditions", sa.JSON(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("quantity_limit", sa.BigInteger(), nullable=True),
        sa.Column("quantity_remaining", sa.BigInteger(), nullable=True),
        sa.Column("value_limit", sa.BigInteger(), nullable=True),
        sa.Column("value_remaining", sa.BigInteger(), nullable=True),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("exchange_regime_id", sa.String(length=64), nullable=True),
        sa.Column("exchange_case_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "quantity_remaining IS NULL OR quantity_remaining <= quantity_limit",
            name=op.f("ck_licences_quantity_in_limit"),
        ),
        sa.CheckConstraint(
            "quantity_remaining IS NULL OR quantity_remaining >= 0", name=op.f("ck_licences_quantity_not_negative")
        ),
        sa.CheckConstraint(
            "value_remaining IS NULL OR value_remaining <= value_limit", name=op.f("ck_licences_value_in_limit")
        ),
        sa.CheckConstraint(
            "value_remaining IS NULL OR value_remaining >= 0", name=op.f("ck_licences_value_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["exchange_case_id"], ["licence_cases.id"], name=op.f("fk_licences_exchange_case_id_licence_cases")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_licences")),
        sa.UniqueConstraint("owner", "issuing_member", "number", name=op.f("uq_licences_owner_issuing_member_number")),
    )
    with op.batch_alter_table("licences", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_licences_exchange_case_id"), ["exchange_case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_licences_owner"), ["owner"], unique=False)

    op.create_table(
        "compliance_cases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner", sa.String(length=220), nullable=False),
        sa.Column("reference", sa.String(length=200), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("transaction", sa.JSON(), nullable=False),
        sa.Column("classification", sa.JSON(), nullable=True),
        sa.Column("screening", sa.JSON(), nullable=True),
        sa.Column("determinations", sa.JSON(), nullable=False),
        sa.Column("checked_lists", sa.JSON(), nullable=False),
        sa.Column("licence_id", sa.Integer(), nullable=True),
        sa.Column("ship_from", sa.Date(), nullable=True),
        sa.Column("ship_until", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["licence_id"], ["licences.id"], name=op.f("fk_compliance_cases_licence_id_licences")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_compliance_cases")),
    )
    with op.batch_alter_table("compliance_cases", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_compliance_cases_owner"), ["owner"], unique=False)
        batch_op.create_index(batch_op.f("ix_compliance_cases_state"), ["state"], unique=False)

    op.create_table(
        "licence_usage",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("licence_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("shipment", sa.String(length=200), nullable=False),
        sa.Column("quantity", sa.BigInteger(), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.Column("original_value", sa.String(length=40), nullable=True),
        sa.Column("original_currency", sa.String(length=3), nullable=True),
        sa.Column("rate", sa.String(length=40), nullable=True),
        sa.Column("draw_id", sa.Integer(), nullable=True),
        sa.Column("restored_quantity", sa.BigInteger(), nullable=False),
        sa.Column("restored_value", sa.BigInteger(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("by", sa.String(length=200), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("restored_quantity <= quantity", name=op.f("ck_licence_usage_restored_quantity_in_draw")),
        sa.CheckConstraint("restored_value <= value", name=op.f("ck_licence_usage_restored_value_in_draw")),
        sa.ForeignKeyConstraint(["draw_id"], ["licence_usage.id"], name=op.f("fk_licence_usage_draw_id_licence_usage")),
        sa.ForeignKeyConstraint(["licence_id"], ["licences.id"], name=op.f("fk_licence_usage_licence_id_licences")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_licence_usage")),
    )
    with op.batch_alter_table("licence_usage", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_licence_usage_draw_id"), ["draw_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_licence_usage_licence_id"), ["licence_id"], unique=False)
        batch_op.create_index(
            "uq_licence_usage_draw",
            ["licence_id", "shipment"],
            unique=True,
            sqlite_where=sa.text("kind = 'draw'"),
            postgresql_where=sa.text("kind = 'draw'"),
        )

    op.create_table(
        "case_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=30), nullable=False),
        sa.Column("from_state", sa.String(length=20), nullable=False),
        sa.Column("to_state", sa.String(length=20), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=40), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["compliance_cases.id"], name=op.f("fk_case_events_case_id_compliance_cases")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_events")),
    )
    with op.batch_alter_table("case_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_events_case_id"), ["case_id"], unique=False)

    op.create_table(
        "case_notices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("list_id", sa.String(length=200), nullable=False),
        sa.Column("old_version", sa.String(length=100), nullable=False),
        sa.Column("new_version", sa.String(length=100), nullable=False),
        sa.Column("raised_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("acknowledged_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("acknowledged_by", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["compliance_cases.id"], name=op.f("fk_case_notices_case_id_compliance_cases")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_notices")),
    )
    with op.batch_alter_table("case_notices", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_notices_case_id"), ["case_id"], unique=False)

    op.create_table(
        "screening_decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner", sa.String(length=220), nullable=False),
        sa.Column("name_key", sa.String(length=300), nullable=False),
        sa.Column("list_code", sa.String(length=40), nullable=False),
        sa.Column("entry_id", sa.String(length=200), nullable=False),
        sa.Column("entry_hash", sa.String(length=64), nullable=False),
        sa.Column("verdict", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("decided_by", sa.String(length=200), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["compliance_cases.id"], name=op.f("fk_screening_decisions_case_id_compliance_cases")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_screening_decisions")),
        sa.UniqueConstraint(
            "owner",
            "name_key",
            "list_code",
            "entry_id",
            "entry_hash",
            name=op.f("uq_screening_decisions_owner_name_key_list_code_entry_id_entry_hash"),
        ),
    )
    op.create_table(
        "case_hits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("screening_round", sa.Integer(), nullable=False),
        sa.Column("party", sa.String(length=300), nullable=False),
        sa.Column("party_role", sa.String(length=40), nullable=False),
        sa.Column("list_source", sa.String(length=200), nullable=False),
        sa.Column("list_version", sa.String(length=100), nullable=False),
        sa.Column("list_code", sa.String(length=40), nullable=False),
        sa.Column("entry_id", sa.String(length=200), nullable=False),
        sa.Column("entry_name", sa.String(length=500), nullable=False),
        sa.Column("entry_hash", sa.String(length=64), nullable=False),
        sa.Column("score", sa.Double(), nullable=False),
        sa.Column("prohibited", sa.Boolean(), nullable=False),
        sa.Column("legal_effect", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("memory_id", sa.Integer(), nullable=True),
        sa.Column("decided_by", sa.String(length=200), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["compliance_cases.id"], name=op.f("fk_case_hits_case_id_compliance_cases")
        ),
        sa.ForeignKeyConstraint(
            ["memory_id"], ["screening_decisions.id"], name=op.f("fk_case_hits_memory_id_screening_decisions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_hits")),
    )
    with op.batch_alter_table("case_hits", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_hits_case_id"), ["case_id"], unique=False)


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("case_hits", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_hits_case_id"))

    op.drop_table("case_hits")
    op.drop_table("screening_decisions")
    with op.batch_alter_table("case_notices", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_notices_case_id"))

    op.drop_table("case_notices")
    with op.batch_alter_table("case_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_events_case_id"))

    op.drop_table("case_events")
    with op.batch_alter_table("licence_usage", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_licence_usage_draw", sqlite_where=sa.text("kind = 'draw'"), postgresql_where=sa.text("kind = 'draw'")
        )
        batch_op.drop_index(batch_op.f("ix_licence_usage_licence_id"))
        batch_op.drop_index(batch_op.f("ix_licence_usage_draw_id"))

    op.drop_table("licence_usage")
    with op.batch_alter_table("compliance_cases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_compliance_cases_state"))
        batch_op.drop_index(batch_op.f("ix_compliance_cases_owner"))

    op.drop_table("compliance_cases")
    with op.batch_alter_table("licences", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_licences_owner"))
        batch_op.drop_index(batch_op.f("ix_licences_exchange_case_id"))

    op.drop_table("licences")
