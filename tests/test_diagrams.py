"""Generated ERDs: the committed diagrams match the models, and the generator is right."""

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.db import models
from django.test.utils import isolate_apps
from erd.mermaid import check_erd, drift_message, render_erd, write_erd

ROOT = Path(__file__).resolve().parent.parent
COMMITTED = sorted(p.stem for p in (ROOT / "diagrams" / "erd").glob("*.mmd"))


def test_there_is_at_least_one_committed_erd():
    assert "shop" in COMMITTED


@pytest.mark.parametrize("app_label", COMMITTED)
def test_committed_erd_matches_the_models(app_label):
    committed = (ROOT / "diagrams" / "erd" / f"{app_label}.mmd").read_text(encoding="utf-8")
    if committed != render_erd(app_label):
        pytest.fail(
            f"diagrams/erd/{app_label}.mmd is out of date with the models of {app_label}: "
            f"run python examples/manage.py erd {app_label}",
            pytrace=False,
        )


def test_catalog_entities_and_relationships():
    lines = render_erd("catalog").splitlines()
    assert lines[5] == "erDiagram"  # after the natural-size config front matter
    # Columns with simple types and key markers, inside their entity blocks.
    book = lines[lines.index("    Book {") : lines.index("    Book_genres {")]
    assert book == [
        "    Book {",
        "        bigint id PK",
        "        varchar title",
        "        bigint author_id FK",
        "        bigint publisher_id FK",
        "        date published",
        "        decimal price",
        "    }",
    ]
    assert "        varchar name UK" in lines  # Genre.name and Publisher.name are unique
    assert "        smallint rating" in lines
    # A non-null foreign key: one author, zero or more books.
    assert "    Author ||--o{ Book : author" in lines
    # The many-to-many relation appears as its through table and two relationships.
    assert "    Book_genres {" in lines
    assert "    Book ||--o{ Book_genres : book" in lines
    assert "    Genre ||--o{ Book_genres : genre" in lines
    # No entity of another app: the catalog points at nothing outside itself.
    assert "    User {" not in lines


def test_shop_self_reference_is_optional():
    lines = render_erd("shop").splitlines()
    assert "    Category |o--o{ Category : parent" in lines
    assert "    Category ||--o{ Product : category" in lines
    assert "        varchar slug UK" in lines


def test_output_is_deterministic():
    assert render_erd("catalog") == render_erd("catalog")


@isolate_apps("shop")
def test_one_to_one_unique_and_user_model():
    """Keys combine as ``FK, UK``, and a referenced auth User appears with key columns."""

    class Customer(models.Model):
        user = models.OneToOneField(get_user_model(), on_delete=models.CASCADE)
        code = models.UUIDField(unique=True)
        referrer = models.ForeignKey("self", null=True, on_delete=models.SET_NULL)
        preferences = models.JSONField(default=dict)

        class Meta:
            app_label = "shop"

        def __str__(self):
            return str(self.code)

    # isolate_apps registers Customer in a fresh registry: the only model of "shop" there.
    lines = render_erd("shop", Customer._meta.apps).splitlines()
    assert lines == [
        "---",
        "config:",
        "  er:",
        "    useMaxWidth: false",
        "---",
        "erDiagram",
        "    accTitle: Entity-relationship diagram of the shop app",
        "    accDescr: Tables of the shop app: Customer. It also references User."
        " Each Customer has an optional Customer (referrer); each Customer has one User (user).",
        "    Customer {",
        "        bigint id PK",
        "        int user_id FK, UK",
        "        uuid code UK",
        "        bigint referrer_id FK",
        "        json preferences",
        "    }",
        "    User {",
        "        int id PK",
        "        varchar username UK",
        "        varchar email",
        "        bool is_staff",
        "        bool is_active",
        "    }",
        "    Customer |o--o{ Customer : referrer",
        "    User ||--o| Customer : user",
    ]


# --- drift ------------------------------------------------------------------------------


def test_unchanged_models_do_not_drift(tmp_path):
    write_erd("shop", root=tmp_path)
    assert check_erd("shop", root=tmp_path) is None


@isolate_apps("shop")
def test_a_changed_model_produces_the_drift_message(tmp_path):
    write_erd("shop", root=tmp_path)  # the diagram of today's models

    class Product(models.Model):
        # The same model name with one extra field, as if someone just added it.
        name = models.CharField(max_length=200)
        weight_grams = models.PositiveIntegerField(default=0)

        class Meta:
            app_label = "shop"

        def __str__(self):
            return self.name

    message = check_erd("shop", root=tmp_path, registry=Product._meta.apps)
    assert message == (
        "diagrams/erd/shop.mmd is out of date with the models of shop: "
        "run python examples/manage.py erd shop"
    )
    assert message == drift_message("shop")
    assert "        int weight_grams" in render_erd("shop", Product._meta.apps)


def test_a_missing_diagram_is_drift(tmp_path):
    assert check_erd("shop", root=tmp_path) == drift_message("shop")
