"""The shop API: permissions, validation, filters, ordering, pagination and query counts."""

from decimal import Decimal

import pytest

from shop.models import Category, Product

pytestmark = pytest.mark.django_db

PRODUCTS = "/shop/api/products/"
CATEGORIES = "/shop/api/categories/"


def new_product(category: Category, **overrides) -> dict:
    data = {
        "name": "Mechanical keyboard",
        "slug": "mechanical-keyboard",
        "description": "Tenkeyless, brown switches.",
        "price": "89.90",
        "stock": 12,
        "category": category.pk,
    }
    return {**data, **overrides}


# --- permissions and CRUD ----------------------------------------------------------------


def test_anyone_can_read_products(anonymous_client, products):
    response = anonymous_client.get(PRODUCTS)
    assert response.status_code == 200
    assert response.data["count"] == len(products) == 20
    first = response.data["results"][0]
    assert set(first) == {
        "id", "name", "slug", "description", "price", "stock",
        "is_active", "created", "category", "category_name",
    }


# --8<-- [start:write_permissions]
def test_write_without_token_is_401(anonymous_client, products):
    laptops = Category.objects.get(slug="laptops")
    response = anonymous_client.post(PRODUCTS, new_product(laptops), format="json")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'
    assert str(response.data["detail"]) == "Authentication credentials were not provided."


def test_write_by_a_customer_is_403(customer_client, products):
    laptops = Category.objects.get(slug="laptops")
    response = customer_client.post(PRODUCTS, new_product(laptops), format="json")
    assert response.status_code == 403
    assert str(response.data["detail"]) == (
        "You do not have permission to perform this action."
    )


def test_write_by_an_admin_is_201(staff_client, products):
    laptops = Category.objects.get(slug="laptops")
    response = staff_client.post(PRODUCTS, new_product(laptops), format="json")
    assert response.status_code == 201
    assert response.data["category_name"] == "Laptops"
    assert Product.objects.get(slug="mechanical-keyboard").price == Decimal("89.90")
# --8<-- [end:write_permissions]


def test_admin_updates_and_soft_deletes_a_product(staff_client, anonymous_client, products):
    url = f"{PRODUCTS}fiction-item-01/"
    response = staff_client.patch(url, {"price": "7.50", "stock": 0}, format="json")
    assert response.status_code == 200
    assert response.data["price"] == "7.50"

    response = staff_client.delete(url)
    assert response.status_code == 204
    product = Product.objects.get(slug="fiction-item-01")
    assert product.is_active is False  # the row stays, hidden

    assert anonymous_client.get(url).status_code == 404
    assert anonymous_client.get(PRODUCTS).data["count"] == 19
    # Staff still see it, so they can bring it back.
    assert staff_client.get(url).data["is_active"] is False
    response = staff_client.patch(url, {"is_active": True}, format="json")
    assert response.status_code == 200
    assert anonymous_client.get(url).status_code == 200


def test_unknown_product_is_404(anonymous_client, products):
    response = anonymous_client.get(f"{PRODUCTS}no-such-product/")
    assert response.status_code == 404
    assert str(response.data["detail"]) == "No Product matches the given query."


# --8<-- [start:field_errors]
def test_invalid_product_is_400_with_field_errors(staff_client, products):
    laptops = Category.objects.get(slug="laptops")
    payload = new_product(laptops, slug="fiction-item-01", price="-1.00", name="")
    response = staff_client.post(PRODUCTS, payload, format="json")
    assert response.status_code == 400
    assert response.json() == {
        "name": ["This field may not be blank."],
        "slug": ["product with this slug already exists."],
        "price": ["Ensure this value is greater than or equal to 0.00."],
    }
# --8<-- [end:field_errors]


def test_categories_are_listed_and_protected(staff_client, anonymous_client, products):
    response = anonymous_client.get(CATEGORIES)
    assert response.status_code == 200
    assert [c["slug"] for c in response.data["results"]] == [
        "books", "electronics", "fiction", "laptops", "phones", "programming",
    ]
    books = Category.objects.get(slug="books")
    fiction = next(c for c in response.data["results"] if c["slug"] == "fiction")
    assert fiction["parent"] == books.pk

    response = staff_client.post(
        CATEGORIES, {"name": "Tablets", "slug": "tablets", "parent": None}, format="json"
    )
    assert response.status_code == 201
    assert staff_client.delete(f"{CATEGORIES}tablets/").status_code == 204

    response = staff_client.delete(f"{CATEGORIES}laptops/")
    assert response.status_code == 409
    assert Category.objects.filter(slug="laptops").exists()


# --- filters, ordering, pagination ----------------------------------------------------------


def test_filter_by_category_and_price_range(anonymous_client, products):
    laptops = Category.objects.get(slug="laptops")
    response = anonymous_client.get(
        PRODUCTS, {"category": laptops.pk, "min_price": "10", "max_price": "20"}
    )
    assert response.status_code == 200
    # Laptop prices are 5.99, 10.99, 15.99, 20.99 and 25.99.
    assert sorted(p["price"] for p in response.data["results"]) == ["10.99", "15.99"]
    assert {p["category_name"] for p in response.data["results"]} == {"Laptops"}


def test_invalid_filter_value_is_400(anonymous_client, products):
    response = anonymous_client.get(PRODUCTS, {"min_price": "cheap", "category": 999999})
    assert response.status_code == 400
    assert response.json() == {
        "min_price": ["Enter a number."],
        "category": ["Select a valid choice. That choice is not one of the available choices."],
    }


def test_ordering_by_price_and_created(anonymous_client, products):
    response = anonymous_client.get(PRODUCTS, {"ordering": "price", "page_size": 100})
    prices = [Decimal(p["price"]) for p in response.data["results"]]
    assert prices == sorted(prices)

    response = anonymous_client.get(PRODUCTS, {"ordering": "-price", "page_size": 100})
    prices = [Decimal(p["price"]) for p in response.data["results"]]
    assert prices == sorted(prices, reverse=True)

    response = anonymous_client.get(PRODUCTS, {"ordering": "-created", "page_size": 100})
    ids = [p["id"] for p in response.data["results"]]
    created = [p["created"] for p in response.data["results"]]
    assert created == sorted(created, reverse=True)
    assert len(ids) == 20


def test_equal_prices_keep_one_order_across_pages(anonymous_client, products):
    # Four products share each price (one per leaf category): the id breaks the ties.
    seen = []
    url, params = PRODUCTS, {"ordering": "price", "page_size": 3}
    while url:
        response = anonymous_client.get(url, params)
        seen += [p["id"] for p in response.data["results"]]
        url, params = response.data["next"], None
    by_price = sorted(products, key=lambda p: (p.price, p.pk))
    assert seen == [p.pk for p in by_price]


def test_pagination_links(anonymous_client, products):
    response = anonymous_client.get(PRODUCTS)
    assert response.data["count"] == 20
    assert len(response.data["results"]) == 10
    assert response.data["previous"] is None
    assert response.data["next"] == "http://testserver/shop/api/products/?page=2"

    response = anonymous_client.get(PRODUCTS, {"page": 2})
    assert response.data["next"] is None
    assert response.data["previous"] == "http://testserver/shop/api/products/"

    response = anonymous_client.get(PRODUCTS, {"page": 3})
    assert response.status_code == 404
    assert str(response.data["detail"]) == "Invalid page."


# --8<-- [start:list_queries]
def test_list_query_count_does_not_grow_with_the_page(
    anonymous_client, products, django_assert_num_queries
):
    # One COUNT(*) for the paginator, one SELECT ... JOIN shop_category for the page.
    with django_assert_num_queries(2):
        response = anonymous_client.get(PRODUCTS, {"page_size": 20})
    assert len(response.data["results"]) == 20
# --8<-- [end:list_queries]
