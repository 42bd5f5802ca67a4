"""The shop's indexes, constraint and management commands."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError, connection, transaction

from shop.models import Category, Product

pytestmark = pytest.mark.django_db


def forbid_sequential_scans():
    if connection.vendor == "postgresql":
        # With 20 rows a sequential scan is cheaper; forbid it to see that an index is usable,
        # and give the planner statistics so it can compare the indexes.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE shop_product")
            cursor.execute("SET LOCAL enable_seqscan = off")


@pytest.mark.parametrize(
    "lookups",
    [
        {"price__gte": 10, "price__lte": 20},  # ?category=...&min_price=10&max_price=20
        {},  # ?category=...: the composite index stands in for the foreign key's own index
    ],
)
def test_composite_index_serves_the_category_filters(products, lookups):
    laptops = Category.objects.get(slug="laptops")
    qs = Product.objects.filter(is_active=True, category=laptops, **lookups).order_by("price")
    forbid_sequential_scans()
    plan = qs.explain()
    assert "shop_product_cat_price_idx" in plan, plan


def test_price_index_serves_ordering_by_price(products):
    qs = Product.objects.filter(price__gte=10).order_by("price")
    forbid_sequential_scans()
    plan = qs.explain()
    assert "shop_product_price_idx" in plan, plan


def test_database_rejects_a_negative_price(products):
    fiction = Category.objects.get(slug="fiction")
    with pytest.raises(IntegrityError), transaction.atomic():
        Product.objects.create(category=fiction, name="Bad", slug="bad", price=-1)


def test_slug_is_unique_in_the_database(products):
    fiction = Category.objects.get(slug="fiction")
    with pytest.raises(IntegrityError), transaction.atomic():
        Product.objects.create(category=fiction, name="Copy", slug="fiction-item-01", price=1)


def test_seed_shop_fills_an_empty_database_once(db):
    out = StringIO()
    call_command("seed_shop", stdout=out)
    assert out.getvalue().strip() == "Created 6 categories and 20 products."
    assert Product.objects.filter(category__parent__slug="books").count() == 10
    with pytest.raises(CommandError, match="already has categories"):
        call_command("seed_shop")


def test_erd_command_check_passes_on_the_committed_diagram():
    out = StringIO()
    call_command("erd", "shop", "--check", stdout=out)
    assert out.getvalue().strip() == "diagrams/erd/shop.mmd is up to date."


def test_erd_command_check_fails_on_a_drifted_diagram(tmp_path, monkeypatch):
    from erd import mermaid

    (tmp_path / "shop.mmd").write_text("erDiagram\n")
    monkeypatch.setattr(mermaid, "erd_path", lambda label, root=None: tmp_path / f"{label}.mmd")
    with pytest.raises(CommandError) as error:
        call_command("erd", "shop", "--check")
    assert str(error.value) == (
        "diagrams/erd/shop.mmd is out of date with the models of shop: "
        "run python examples/manage.py erd shop"
    )


def test_erd_command_writes_the_file(tmp_path, monkeypatch):
    from erd import mermaid

    # Write into a temporary directory instead of the repository's diagrams/erd/.
    monkeypatch.setattr(mermaid, "erd_path", lambda label, root=None: tmp_path / f"{label}.mmd")
    out = StringIO()
    call_command("erd", "shop", stdout=out)
    assert out.getvalue().strip() == "Wrote diagrams/erd/shop.mmd"
    assert (tmp_path / "shop.mmd").read_text() == mermaid.render_erd("shop")


def test_admin_lists_and_searches_products(client, products, django_user_model):
    admin = django_user_model.objects.create_superuser("root", password="s3cret-pass-123")
    client.force_login(admin)
    response = client.get("/admin/shop/product/", {"q": "laptops item 03"})
    assert response.status_code == 200
    assert response.context["cl"].result_count == 1
    assert response.context["cl"].result_list[0].slug == "laptops-item-03"
    response = client.get("/admin/shop/category/")
    assert response.status_code == 200
    assert response.context["cl"].result_count == 6
