"""A small, deterministic shop: a category tree and products with spread-out prices."""

from decimal import Decimal

from django.utils.text import slugify

from shop.models import Category, Product

CATEGORY_TREE = {
    "Books": ["Fiction", "Programming"],
    "Electronics": ["Laptops", "Phones"],
}


def create_sample_shop(products_per_category: int = 5) -> list[Product]:
    """Create the categories of ``CATEGORY_TREE`` and products in each leaf category."""
    products = []
    for parent_name, children in CATEGORY_TREE.items():
        parent = Category.objects.create(name=parent_name, slug=slugify(parent_name))
        for child_name in children:
            child = Category.objects.create(
                name=child_name, slug=slugify(child_name), parent=parent
            )
            for number in range(1, products_per_category + 1):
                name = f"{child_name} item {number:02d}"
                products.append(
                    Product(
                        category=child,
                        name=name,
                        slug=slugify(name),
                        description=f"Sample product {number} of {child_name}.",
                        price=Decimal(number * 5) + Decimal("0.99"),
                        stock=number * 3,
                    )
                )
    return Product.objects.bulk_create(products)
