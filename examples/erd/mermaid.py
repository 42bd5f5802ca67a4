"""Write a Mermaid ``erDiagram`` for the models of one Django app.

The diagram is generated, never drawn by hand, so it cannot drift from the code: the test
suite regenerates every committed ``diagrams/erd/<app>.mmd`` and compares. The output is
deterministic (entities sorted by name, columns in model order, relationships sorted), so a
diff of the file shows exactly what changed in the models.
"""

from __future__ import annotations

from pathlib import Path

from django.apps import apps as django_apps
from django.apps.registry import Apps
from django.conf import settings
from django.db import models

# Django's internal field types mapped to the simple column types shown in the diagram.
TYPE_NAMES = {
    "AutoField": "int",
    "BigAutoField": "bigint",
    "SmallAutoField": "smallint",
    "IntegerField": "int",
    "BigIntegerField": "bigint",
    "SmallIntegerField": "smallint",
    "PositiveIntegerField": "int",
    "PositiveBigIntegerField": "bigint",
    "PositiveSmallIntegerField": "smallint",
    "CharField": "varchar",
    "SlugField": "varchar",
    "EmailField": "varchar",
    "URLField": "varchar",
    "FileField": "varchar",
    "ImageField": "varchar",
    "FilePathField": "varchar",
    "GenericIPAddressField": "varchar",
    "TextField": "text",
    "DecimalField": "decimal",
    "FloatField": "float",
    "BooleanField": "bool",
    "DateField": "date",
    "DateTimeField": "datetime",
    "TimeField": "time",
    "DurationField": "interval",
    "JSONField": "json",
    "UUIDField": "uuid",
    "BinaryField": "blob",
}

# Models of other apps appear only when the app points at them, with a few key columns.
KEY_COLUMNS = {
    "auth.User": ("id", "username", "email", "is_staff", "is_active"),
}

# Mermaid cardinality markers: (side of the referenced row, side of the referencing row).
ONE, ZERO_OR_ONE, MANY = "||", "|o", "o{"


def column_type(field: models.Field) -> str:
    """The simple type name of a concrete field's column (a foreign key takes its target's)."""
    if field.is_relation:
        field = field.target_field
    internal = field.get_internal_type()
    return TYPE_NAMES.get(internal, internal.removesuffix("Field").lower())


def single_column_unique(field: models.Field) -> bool:
    """True when the column alone is unique (``unique=True`` or a one-field constraint)."""
    if field.unique:
        return True
    meta = field.model._meta
    for constraint in meta.constraints:
        if (
            isinstance(constraint, models.UniqueConstraint)
            and constraint.condition is None
            and tuple(constraint.fields) == (field.name,)
        ):
            return True
    return any(tuple(fields) == (field.name,) for fields in meta.unique_together)


def attribute_line(field: models.Field) -> str:
    """One attribute of an entity, for example ``bigint category_id FK``."""
    keys = []
    if field.primary_key:
        keys.append("PK")
    if field.is_relation:
        keys.append("FK")
    if not field.primary_key and single_column_unique(field):
        keys.append("UK")
    line = f"{column_type(field)} {field.column}"
    return f"{line} {', '.join(keys)}" if keys else line


def relationship_line(field: models.Field) -> str:
    """The relationship drawn for a foreign key or one-to-one field."""
    source = entity_name(field.model)
    target = entity_name(field.related_model)
    target_side = ZERO_OR_ONE if field.null else ONE
    source_side = "o|" if field.one_to_one else MANY
    return f"{target} {target_side}--{source_side} {source} : {field.name}"


def entity_name(model: type[models.Model]) -> str:
    """The entity name of a model: its class name (``Book_genres`` for a through table)."""
    return model._meta.object_name


def app_models(app_label: str, registry: Apps = django_apps) -> list[type[models.Model]]:
    """The concrete models of an app, including auto-created many-to-many tables."""
    config = registry.get_app_config(app_label)
    return [m for m in config.get_models(include_auto_created=True) if not m._meta.proxy]


def entity_block(model: type[models.Model], columns: tuple[str, ...] | None = None) -> list[str]:
    """The lines of one entity; ``columns`` limits it to those field names, in that order."""
    fields = [f for f in model._meta.concrete_fields]
    if columns is not None:
        by_name = {f.name: f for f in fields}
        fields = [by_name[name] for name in columns if name in by_name]
    lines = [f"    {entity_name(model)} {{"]
    lines += [f"        {attribute_line(f)}" for f in fields]
    lines.append("    }")
    return lines


def external_columns(model: type[models.Model]) -> tuple[str, ...]:
    """The key columns shown for a model of another app."""
    if model._meta.label in KEY_COLUMNS:
        return KEY_COLUMNS[model._meta.label]
    return tuple(
        f.name for f in model._meta.concrete_fields if f.primary_key or single_column_unique(f)
    )


# Mermaid config (front matter of the diagram): draw at natural size instead of shrinking
# to the column, so column names stay legible on a phone; the page scrolls the diagram
# sideways within its own box (see docs/assets/stylesheets/extra.css).
NATURAL_SIZE = ["---", "config:", "  er:", "    useMaxWidth: false", "---"]


def render_erd(app_label: str, registry: Apps = django_apps) -> str:
    """The Mermaid ``erDiagram`` of an app's models, as the text of a ``.mmd`` file."""
    own = app_models(app_label, registry)
    relations = [f for m in own for f in m._meta.concrete_fields if f.is_relation]
    external = {f.related_model for f in relations} - set(own)

    lines = [*NATURAL_SIZE, "erDiagram", *accessibility_lines(app_label, own, external, relations)]
    for model in sorted(own, key=entity_name):
        lines += entity_block(model)
    for model in sorted(external, key=entity_name):
        lines += entity_block(model, external_columns(model))
    lines += sorted(f"    {relationship_line(f)}" for f in relations)
    return "\n".join(lines) + "\n"


def accessibility_lines(app_label, own, external, relations) -> list[str]:
    """``accTitle``/``accDescr``: what a screen reader announces instead of the drawing."""
    tables = ", ".join(sorted(entity_name(m) for m in own))
    descr = f"Tables of the {app_label} app: {tables}."
    if external:
        descr += f" It also references {', '.join(sorted(entity_name(m) for m in external))}."
    facts = sorted(
        f"each {entity_name(f.model)} has {'an optional' if f.null else 'one'} "
        f"{entity_name(f.related_model)} ({f.name})"
        for f in relations
    )
    if facts:
        sentence = "; ".join(facts)
        descr += f" {sentence[0].upper()}{sentence[1:]}."
    return [
        f"    accTitle: Entity-relationship diagram of the {app_label} app",
        f"    accDescr: {descr}",
    ]


def erd_path(app_label: str, root: Path | None = None) -> Path:
    """Where an app's diagram is committed: ``diagrams/erd/<app>.mmd`` under the repository."""
    root = root if root is not None else Path(settings.BASE_DIR).parent
    return root / "diagrams" / "erd" / f"{app_label}.mmd"


def refresh_command(app_label: str) -> str:
    """The command that rewrites an app's committed diagram."""
    return f"python examples/manage.py erd {app_label}"


def drift_message(app_label: str) -> str:
    """What to tell someone whose committed diagram no longer matches the models."""
    return (
        f"diagrams/erd/{app_label}.mmd is out of date with the models of {app_label}: "
        f"run {refresh_command(app_label)}"
    )


def check_erd(
    app_label: str, root: Path | None = None, registry: Apps = django_apps
) -> str | None:
    """None when the committed diagram matches the models, else the drift message."""
    path = erd_path(app_label, root)
    committed = path.read_text(encoding="utf-8") if path.exists() else None
    if committed != render_erd(app_label, registry):
        return drift_message(app_label)
    return None


def write_erd(app_label: str, root: Path | None = None, registry: Apps = django_apps) -> Path:
    """Write an app's diagram to ``diagrams/erd/<app>.mmd`` and return the path."""
    path = erd_path(app_label, root)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_erd(app_label, registry), encoding="utf-8")
    return path
