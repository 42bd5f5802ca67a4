"""Models of the e-commerce backend case study: a category tree and the products in it."""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q


# --8<-- [start:category]
class Category(models.Model):
    """A product category; a category may sit under a parent category."""

    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=100, unique=True)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children"
    )

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "categories"

    def __str__(self) -> str:
        return self.name
# --8<-- [end:category]


# --8<-- [start:product]
class Product(models.Model):
    """Something the shop sells. Hidden products (``is_active=False``) stay in the database."""

    category = models.ForeignKey(
        Category,
        on_delete=models.PROTECT,
        related_name="products",
        # The composite index below starts with category, so it also serves every
        # "products of this category" lookup: a second index on category alone would
        # only slow down writes.
        db_index=False,
    )
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    description = models.TextField(blank=True)
    price = models.DecimalField(
        max_digits=10, decimal_places=2, validators=[MinValueValidator(Decimal("0.00"))]
    )
    stock = models.PositiveIntegerField(default=0)
    is_active = models.BooleanField(default=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created", "-id"]
        indexes = [
            # ?category=3&min_price=10&max_price=50: equality column first, range second.
            models.Index(fields=["category", "price"], name="shop_product_cat_price_idx"),
            # ?min_price=10 or ?ordering=price across every category.
            models.Index(fields=["price"], name="shop_product_price_idx"),
            # The default "newest first" list and ?ordering=-created.
            models.Index(fields=["-created"], name="shop_product_created_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(price__gte=0), name="shop_product_price_gte_0"),
        ]

    def __str__(self) -> str:
        return self.name
# --8<-- [end:product]
