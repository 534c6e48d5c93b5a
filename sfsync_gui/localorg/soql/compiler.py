"""A parsed SOQL query to one SQLite statement over the ``storage`` layout.

Names are resolved against the :class:`Catalog` with the querying profile's field-level
security (a hidden field does not exist); parent fields become ``LEFT JOIN``s on the
parent's ``Id`` (aliases ``t1``, ``t2``... with ``t0`` always the FROM object); values are
type-checked the way Salesforce checks them and passed as parameters.

SOQL's null semantics differ from SQL's: ``x != 'v'`` and ``x NOT IN (...)`` also match
rows where ``x`` is null, ``NOT (x < 5)`` matches them too, and ``= null`` means
``IS NULL``. The compiler pushes every ``NOT`` down to the comparisons (De Morgan) and
gives each comparison an explicit answer for null, so the result is plain two-valued logic
and each comparison stays in an index-friendly form.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from .. import ids
from ..schema import (
    ID_TYPES,
    NUMBER_TYPES,
    TEXT_TYPES,
    Catalog,
    FieldDef,
    FieldType,
    ObjectDef,
)
from ..storage import format_datetime, parse_datetime, qi
from .dates import date_range
from .errors import SoqlError, malformed
from .parser import (
    Comparison,
    Condition,
    FieldPath,
    Literal,
    Logical,
    Not,
    Query,
    parse_soql,
)
from .results import RecordNode, converter

#: Salesforce allows five levels of parent relationships in a field path.
MAX_RELATIONSHIP_DEPTH = 5
#: Deepest parenthesis nesting of the generated WHERE SQL: SQLite's parser stack
#: (YYSTACKDEPTH 100) overflows at roughly 30 levels of ``a OR (b AND (...))``.
MAX_SQL_NESTING = 22
#: SQLite's default SQLITE_MAX_VARIABLE_NUMBER is 32766.
MAX_PARAMS = 30_000
#: Terms joined flat by one AND/OR before they are grouped in parentheses: a long flat
#: chain makes SQLite's expression tree deeper than its limit of 1000.
_CHAIN = 16

#: Fields of Salesforce's ``Name`` object: what a polymorphic relationship (Task.Who,
#: Task.What) can show.
POLYMORPHIC_FIELDS = (
    "Id", "Type", "Name", "FirstName", "LastName", "Alias", "Email", "Phone", "Title",
    "Username", "IsActive", "LastReferencedDate", "LastViewedDate",
)

_SAFE_LITERAL = re.compile(r"^[A-Za-z0-9_]+$")

_INVALID_FIELD_HINT = (
    "If you are attempting to use a custom field, be sure to append the '__c' after the "
    "custom field name. Please reference your WSDL or the describe call for the appropriate "
    "names."
)
_INVALID_REL_HINT = (
    "If you are attempting to use a custom relationship, be sure to append the '__r' after "
    "the custom relationship name. Please reference your WSDL or the describe call for the "
    "appropriate names."
)
_INVALID_TYPE_HINT = (
    "If you are attempting to use a custom object, be sure to append the '__c' after the "
    "entity name. Please reference your WSDL or the describe call for the appropriate names."
)


@dataclass(frozen=True)
class SelectedField:
    """One field of the SELECT list, resolved.

    ``path`` holds canonical API names (``("Owner", "Name")``); ``objects`` the object at
    each step (``(Lead, User)``; a polymorphic step shows Salesforce's ``Name`` object);
    ``column`` the field's index in a row of ``select_sql``.
    """

    path: tuple[str, ...]
    field: FieldDef
    objects: tuple[ObjectDef, ...]
    column: int

    @property
    def name(self) -> str:
        """The dotted name, as a CSV header shows it (``Owner.Name``)."""
        return ".".join(self.path)


@dataclass
class CompiledQuery:
    """A SOQL query as SQL parts. ``t0`` is always the FROM object's alias; ``params``
    belong to ``where_sql``; ``order_sql`` always ends in a unique key so paging is
    deterministic."""

    object: ObjectDef
    count_only: bool
    select_sql: str
    from_sql: str
    where_sql: str
    params: list[object]
    order_sql: str
    limit: int | None
    offset: int | None
    fields: list[SelectedField]
    #: FROM with only the joins WHERE needs (a LEFT JOIN on a unique Id never changes a
    #: count), for :meth:`count_sql`.
    count_from_sql: str = ""
    #: How :func:`rows_to_records` shapes a row.
    record_plan: RecordNode = field(default_factory=lambda: RecordNode("", 0, 0, None))

    def _limit_sql(self) -> str:
        if self.limit is None and self.offset is None:
            return ""
        limit = -1 if self.limit is None else self.limit
        if self.offset:
            return f" LIMIT {limit} OFFSET {self.offset}"
        return f" LIMIT {limit}"

    def sql(self) -> str:
        """The whole statement (for COUNT() queries the same as :meth:`count_sql`)."""
        if self.count_only:
            return self.count_sql()
        parts = [self.select_sql, self.from_sql, self.where_sql, self.order_sql]
        return " ".join(p for p in parts if p) + self._limit_sql()

    def count_sql(self) -> str:
        """``SELECT COUNT(*)`` of the rows the query returns, LIMIT and OFFSET included
        (what ``totalSize`` reports). Takes ``params``."""
        base = " ".join(p for p in (self.count_from_sql, self.where_sql) if p)
        if self.limit is None and self.offset is None:
            return f"SELECT COUNT(*) {base}"
        return f"SELECT COUNT(*) FROM (SELECT 1 {base}{self._limit_sql()})"


def compile_soql(
    soql: str,
    catalog: Catalog,
    *,
    profile: str,
    user_id: str,
    include_deleted: bool,
    now: datetime | None = None,
) -> CompiledQuery:
    """Compile ``soql`` for a user of ``profile``.

    ``include_deleted`` is True for ``queryAll`` (no implicit ``IsDeleted = false``);
    ``user_id`` restricts ``UserFieldAccess`` to the querying user; ``now`` is the org's
    clock for TODAY and friends (UTC days). Raises :class:`SoqlError` for any query
    Salesforce would refuse or the local org does not support, and ``ValueError`` for an
    unknown profile (a caller's mistake, not the query's).
    """
    if profile not in catalog.profiles:
        raise ValueError(f"unknown profile: {profile!r}")
    query = parse_soql(soql)
    try:
        return _Compiler(catalog, profile, user_id, include_deleted, now).compile(query)
    except RecursionError:  # pragma: no cover - the parser bounds nesting; belt and braces
        raise malformed("the query is nested too deeply") from None


# ---------------------------------------------------------------------------------------
# Name resolution


@dataclass
class _Join:
    """A parent reached through a relationship path: ``LEFT JOIN obj alias``."""

    alias: str
    obj: ObjectDef
    on_sql: str
    requires: tuple[str, ...]  # aliases this join's ON clause needs (its ancestors)


@dataclass
class _Node:
    """A step of relationship paths: the root, a parent, or a polymorphic parent."""

    key: tuple[str, ...]  # canonical relationship names from the root
    alias: str | None  # SQL alias of the record (None for polymorphic)
    obj: ObjectDef  # the object (the synthetic Name object when polymorphic)
    requires: tuple[str, ...]  # joins needed to reach it
    # polymorphic only: the reference column and the possible targets
    ref_sql: str = ""
    targets: tuple[ObjectDef, ...] = ()
    target_aliases: dict[str, str] = field(default_factory=dict)


@dataclass
class _Column:
    """A resolved field path: its SQL expression and what it needs."""

    sql: str
    field: FieldDef
    path: tuple[str, ...]
    objects: tuple[ObjectDef, ...]
    node: _Node
    requires: tuple[str, ...]  # join aliases
    nullable: bool
    derived: bool  # an expression, not a column: needs an explicit collation

    @property
    def cmp_sql(self) -> str:
        """The expression for comparisons: text compares without case, as in SOQL."""
        if self.derived and self.field.type in TEXT_TYPES:
            return f"{self.sql} COLLATE NOCASE"
        return self.sql


def _name_object(fields: list[FieldDef]) -> ObjectDef:
    return ObjectDef("Name", "Name", "Names", None, tuple(fields), createable=False,
                     updateable=False, deletable=False, replicateable=False)


def _safe(literal: str) -> str:
    """A catalog constant (key prefix, object name) embedded in SQL: checked, quoted."""
    if not _SAFE_LITERAL.match(literal):  # pragma: no cover - catalog names are plain
        raise malformed(f"unsupported name in the catalog: {literal!r}")
    return f"'{literal}'"


class _Compiler:
    def __init__(
        self, catalog: Catalog, profile: str, user_id: str, include_deleted: bool,
        now: datetime | None,
    ) -> None:
        self.catalog = catalog
        self.profile = catalog.profiles[profile]
        self.user_id = user_id
        self.include_deleted = include_deleted
        now = now or datetime.now(UTC)
        if now.tzinfo is None:
            now = now.replace(tzinfo=UTC)
        self.today = now.astimezone(UTC).date()
        self.joins: list[_Join] = []
        self.nodes: dict[tuple[str, ...], _Node] = {}

    # -- objects and fields -------------------------------------------------------------

    def readable(self, obj: ObjectDef, fdef: FieldDef) -> bool:
        return f"{obj.name}.{fdef.name}" not in self.profile.hidden

    def compile(self, q: Query) -> CompiledQuery:
        obj = self.catalog.get(q.object_name)
        if obj is None or not obj.queryable or (obj.setup and not self.profile.view_setup):
            raise SoqlError(
                "INVALID_TYPE",
                f"sObject type '{q.object_name}' is not supported. {_INVALID_TYPE_HINT}",
                q.object_pos,
            )
        self.root = obj
        self.alias = q.alias
        root = _Node((), "t0", obj, ())
        self.nodes[()] = root

        # SELECT list
        selected: list[_Column] = []
        seen: set[str] = set()
        for fp in q.fields:
            col = self.resolve(fp)
            name = ".".join(col.path).lower()
            if name in seen:
                raise malformed(f"duplicate field selected: {'.'.join(col.path)}", fp.pos)
            seen.add(name)
            selected.append(col)

        # WHERE (implicit filters first)
        implicit: list[tuple[str, list[object]]] = []
        if obj.has_recycle_bin and not self.include_deleted:
            implicit.append((f"t0.{qi('IsDeleted')} = 0", []))
        if obj.name == "UserFieldAccess" and obj.field("UserId") is not None:
            uid = self.user_id
            if ids.looks_like_id(uid):
                uid = ids.to18(uid)
            implicit.append((f"t0.{qi('UserId')} = ?", [uid]))
        where_required: set[str] = set()
        tree: _Tree | None = None
        if q.where is not None:
            tree = self.condition(q.where, False, where_required)
        if implicit:
            items: list[_Tree] = [_Leaf(sql, params) for sql, params in implicit]
            if isinstance(tree, _Group) and tree.op == "AND":
                items += tree.items  # one AND level, one parenthesis less for SQLite
            elif tree is not None:
                items.append(tree)
            tree = items[0] if len(items) == 1 else _Group("AND", items)
        where_sql, params = "", []
        if tree is not None:
            text, params = _emit(tree)
            if _nesting(text) > MAX_SQL_NESTING:
                raise malformed(
                    "the WHERE clause is too complex: too many nested levels of AND/OR/NOT"
                )
            if len(params) > MAX_PARAMS:
                raise malformed(
                    f"the WHERE clause has too many values (more than {MAX_PARAMS:,})"
                )
            where_sql = f"WHERE {text}"

        # ORDER BY, always ending in a unique key
        order_terms: list[str] = []
        ordered_by_id = False
        for item in q.order_by:
            col = self.resolve(item.field)
            if not col.field.sortable:
                raise SoqlError(
                    "INVALID_FIELD",
                    f"field '{col.field.name}' can not be sorted in a query call",
                    item.field.pos,
                )
            term = col.cmp_sql + (" DESC" if item.descending else " ASC")
            # SQLite's default null order is Salesforce's: first ascending, last
            # descending. Say it only when the query asks for the other one.
            if item.nulls_first is not None and item.nulls_first == item.descending:
                term += " NULLS FIRST" if item.nulls_first else " NULLS LAST"
            order_terms.append(term)
            if col.path == ("Id",) and col.node.key == ():
                ordered_by_id = True
        if not ordered_by_id:
            # With a filter and no ORDER BY of its own, the tie-break must not steer SQLite
            # into walking the whole Id index (it has no statistics to know better):
            # ``+`` keeps the column out of index selection, so the filter's index is used
            # and the few matches are sorted.
            plus = "+" if q.where is not None and not q.order_by else ""
            order_terms.append(f"{plus}t0.{qi('Id')} ASC")
        order_sql = "ORDER BY " + ", ".join(order_terms)

        # SELECT columns: the fields, then what records need (Ids for presence and URLs)
        columns: list[str] = []
        index: dict[str, int] = {}

        def column(sql: str) -> int:
            if sql not in index:
                index[sql] = len(columns)
                columns.append(sql)
            return index[sql]

        fields: list[SelectedField] = []
        for col in selected:
            fields.append(SelectedField(col.path, col.field, col.objects, column(col.sql)))
        plan = self.record_plan(obj, selected, fields, column)
        # COUNT() has no fields; the Id keeps select_sql usable for paging statements.
        select_sql = "SELECT " + (f"t0.{qi('Id')}" if q.count_only else ", ".join(columns))

        from_sql = self.from_clause(None)
        count_from = self.from_clause(where_required)
        return CompiledQuery(
            object=obj, count_only=q.count_only, select_sql=select_sql, from_sql=from_sql,
            where_sql=where_sql, params=params, order_sql=order_sql, limit=q.limit,
            offset=q.offset, fields=fields, count_from_sql=count_from, record_plan=plan,
        )

    def from_clause(self, only: set[str] | None) -> str:
        parts = [f"FROM {qi(self.root.name)} t0"]
        for join in self.joins:
            if only is None or join.alias in only:
                parts.append(f"LEFT JOIN {qi(join.obj.name)} {join.alias} ON {join.on_sql}")
        return " ".join(parts)

    def new_join(self, obj: ObjectDef, ref_sql: str, requires: tuple[str, ...]) -> _Join:
        """``LEFT JOIN obj tN ON tN."Id" = ref_sql``."""
        alias = f"t{len(self.joins) + 1}"
        join = _Join(alias, obj, f"{alias}.{qi('Id')} = {ref_sql}", requires)
        self.joins.append(join)
        return join

    def no_column(self, name: str, obj_name: str, pos: int) -> SoqlError:
        return SoqlError(
            "INVALID_FIELD",
            f"No such column '{name}' on entity '{obj_name}'. {_INVALID_FIELD_HINT}",
            pos,
        )

    def no_relationship(self, name: str, pos: int) -> SoqlError:
        return SoqlError(
            "INVALID_FIELD",
            f"Didn't understand relationship '{name}' in field path. {_INVALID_REL_HINT}",
            pos,
        )

    def resolve(self, fp: FieldPath) -> _Column:
        """A field path to its column, adding the joins it needs."""
        parts = list(fp.parts)
        if len(parts) > 1:
            first = parts[0].lower()
            if (self.alias is not None and first == self.alias.lower()) or (
                first == self.root.name.lower() and self.root.relationship(parts[0]) is None
            ):
                parts = parts[1:]  # "Lead.Name" FROM Lead, or "l.Name" FROM Lead l
        if len(parts) - 1 > MAX_RELATIONSHIP_DEPTH:
            raise malformed(
                "SOQL statements cannot query more than "
                f"{MAX_RELATIONSHIP_DEPTH} levels of parent relationships", fp.pos,
            )
        node = self.nodes[()]
        objects = [self.root]
        path: list[str] = []
        for rel in parts[:-1]:
            if node.alias is None:  # past a polymorphic relationship: Name has no lookups
                raise self.no_relationship(rel, fp.pos)
            ref = node.obj.relationship(rel)
            if (
                ref is None
                or not ref.reference_to
                or not ref.relationship_name
                or not self.readable(node.obj, ref)
            ):
                raise self.no_relationship(rel, fp.pos)
            path.append(ref.relationship_name)
            node = self.child_node(node, ref, fp.pos)
            objects.append(node.obj)
        name = parts[-1]
        if node.alias is None:
            return self.polymorphic_column(node, name, tuple(path), tuple(objects), fp.pos)
        fdef = node.obj.field(name)
        if fdef is None or not self.readable(node.obj, fdef):
            raise self.no_column(name, node.obj.name, fp.pos)
        return _Column(
            sql=f"{node.alias}.{qi(fdef.name)}", field=fdef, path=(*path, fdef.name),
            objects=tuple(objects), node=node, requires=node.requires,
            # Only the root's Id is never null (NOT NULL in the table). Other columns may
            # hold null even when describe says nillable=false (a parent may be missing,
            # a seeder may leave a column empty): keep SOQL's null rules exact.
            nullable=bool(node.key) or fdef.name != "Id", derived=False,
        )

    def child_node(self, parent: _Node, ref: FieldDef, pos: int) -> _Node:
        assert ref.relationship_name is not None
        key = (*parent.key, ref.relationship_name)
        node = self.nodes.get(key)
        if node is not None:
            return node
        ref_sql = f"{parent.alias}.{qi(ref.name)}"
        targets = tuple(t for t in (self.catalog.get(n) for n in ref.reference_to) if t)
        if not targets:
            raise self.no_relationship(ref.relationship_name, pos)
        if len(ref.reference_to) == 1:
            target = targets[0]
            join = self.new_join(target, ref_sql, parent.requires)
            node = _Node(key, join.alias, target, (*parent.requires, join.alias))
        else:
            node = _Node(key, None, _name_object([]), parent.requires, ref_sql=ref_sql,
                         targets=targets)
        self.nodes[key] = node
        return node

    def polymorphic_column(
        self, node: _Node, name: str, path: tuple[str, ...], objects: tuple[ObjectDef, ...],
        pos: int,
    ) -> _Column:
        """A field of Salesforce's ``Name`` object behind a polymorphic relationship:
        ``Id`` is the reference itself, ``Type`` comes from the Id's key prefix, other
        fields come from whichever target the Id points at (null where that target has
        no such field)."""
        canon = next((f for f in POLYMORPHIC_FIELDS if f.lower() == name.lower()), None)
        if canon is None:
            raise self.no_column(name, "Name", pos)
        if canon == "Id":
            fdef = FieldDef("Id", "Record ID", FieldType.ID, length=18)
            return self.poly_result(node, fdef, node.ref_sql, path, objects, node.requires,
                                    derived=False)
        if canon == "Type":
            whens = " ".join(
                f"WHEN {_safe(t.key_prefix)} THEN {_safe(t.name)}"
                for t in node.targets if t.key_prefix
            )
            fdef = FieldDef("Type", "Object Type", FieldType.PICKLIST, length=255,
                            picklist=tuple(t.name for t in node.targets))
            sql = f"CASE substr({node.ref_sql}, 1, 3) {whens} END"
            return self.poly_result(node, fdef, sql, path, objects, node.requires,
                                    derived=True)
        exprs: list[str] = []
        requires = list(node.requires)
        fdef = None
        for target in node.targets:
            tf = target.field(canon)
            if tf is None or not self.readable(target, tf):
                continue
            fdef = fdef or tf
            alias = node.target_aliases.get(target.name)
            if alias is None:
                join = self.new_join(target, node.ref_sql, node.requires)
                alias = node.target_aliases[target.name] = join.alias
            requires.append(alias)
            exprs.append(f"{alias}.{qi(tf.name)}")
        if fdef is None:
            raise self.no_column(name, "Name", pos)
        sql = exprs[0] if len(exprs) == 1 else f"COALESCE({', '.join(exprs)})"
        return self.poly_result(node, fdef, sql, path, objects, tuple(requires),
                                derived=len(exprs) > 1)

    def poly_result(
        self, node: _Node, fdef: FieldDef, sql: str, path: tuple[str, ...],
        objects: tuple[ObjectDef, ...], requires: tuple[str, ...], *, derived: bool,
    ) -> _Column:
        # Keep the synthetic Name object's field list to what was used (for describe-ish
        # uses of SelectedField.objects).
        if node.obj.field(fdef.name) is None:
            node.obj = _name_object([*node.obj.fields, fdef])
        return _Column(sql=sql, field=fdef, path=(*path, fdef.name),
                       objects=(*objects[:-1], node.obj), node=node, requires=requires,
                       nullable=True, derived=derived)

    # -- records ------------------------------------------------------------------------

    def record_plan(
        self, obj: ObjectDef, selected: list[_Column], fields: list[SelectedField],
        add: Callable[[str], int],
    ) -> RecordNode:
        """The shape of records; ``add`` allocates (or finds) a select-list column."""
        id_col = add(f"t0.{qi('Id')}")
        url_col = id_col
        durable = obj.field("DurableId")
        if obj.setup and durable is not None and self.readable(obj, durable):
            # Setup objects' URLs use the DurableId (sobjects/FieldDefinition/Lead.Email).
            url_col = add(f"t0.{qi('DurableId')}")
        root = RecordNode("", id_col, url_col, obj.name)
        plan_nodes: dict[tuple[str, ...], RecordNode] = {(): root}
        for col, sel in zip(selected, fields, strict=True):
            parent = root
            for depth in range(1, len(col.path)):
                key = col.path[:depth]
                rn = plan_nodes.get(key)
                if rn is None:
                    node = self.nodes[key]
                    if node.alias is None:
                        presence = add(node.ref_sql)
                        rn = RecordNode(
                            key[-1], presence, presence, None,
                            {t.key_prefix: t.name for t in node.targets if t.key_prefix},
                        )
                    else:
                        presence = add(f"{node.alias}.{qi('Id')}")
                        rn = RecordNode(key[-1], presence, presence, node.obj.name)
                    plan_nodes[key] = rn
                    parent.entries.append(rn)
                parent = rn
            parent.entries.append((col.path[-1], sel.column, converter(col.field)))
        return root

    # -- WHERE --------------------------------------------------------------------------

    def condition(self, cond: Condition, negate: bool, required: set[str]) -> _Tree:
        """``cond`` (negated if ``negate``) as a tree of SQL leaves, NOT pushed down."""
        if isinstance(cond, Not):
            return self.condition(cond.item, not negate, required)
        if isinstance(cond, Logical):
            op = cond.op
            if negate:
                op = "OR" if op == "AND" else "AND"
            items: list[_Tree] = []
            for item in cond.items:
                sub = self.condition(item, negate, required)
                # flatten a AND (b AND c): fewer parentheses for SQLite's parser
                if isinstance(sub, _Group) and sub.op == op:
                    items.extend(sub.items)
                else:
                    items.append(sub)
            return _Group(op, items)
        return self.comparison(cond, negate, required)

    def comparison(self, cmp: Comparison, negate: bool, required: set[str]) -> _Tree:
        col = self.resolve(cmp.field)
        fdef = col.field
        if not fdef.filterable:
            raise SoqlError(
                "INVALID_FIELD",
                f"field '{fdef.name}' can not be filtered in a query call",
                cmp.field.pos,
            )
        required.update(col.requires)
        op = cmp.op
        c = col.cmp_sql
        if op in ("IN", "NOT IN"):
            values: list[object] = []
            has_null = False
            seen: set[object] = set()
            for lit in cmp.values:
                if lit.kind == "date_literal":
                    raise malformed(
                        f"date literals such as {lit.text} in {op} lists are not supported "
                        "by the local org", lit.pos,
                    )
                v = self.value(col, lit)
                if v is None:
                    has_null = True
                elif v not in seen:  # duplicates cost parameters and nothing else
                    seen.add(v)
                    values.append(v)
            marks = ", ".join("?" * len(values))
            core = _Core(f"{c} IN ({marks})", values) if values else _FALSE
            anti = _Core(f"{c} NOT IN ({marks})", values) if values else _TRUE
            if op == "IN":
                return _null_aware(col, has_null, core, anti, negate)
            return _null_aware(col, not has_null, anti, core, negate)

        lit = cmp.values[0]
        if op == "LIKE":
            if fdef.type in ID_TYPES:
                raise SoqlError("INVALID_QUERY_FILTER_OPERATOR", "invalid operator on id field",
                                cmp.pos)
            if fdef.type not in TEXT_TYPES:
                raise SoqlError(
                    "INVALID_QUERY_FILTER_OPERATOR",
                    f"invalid operator on {fdef.type.value} field: LIKE applies to text "
                    "fields", cmp.pos,
                )
            if lit.kind != "string":
                raise self.type_error(col, lit)
            like = _Core(f"{col.sql} LIKE ? ESCAPE '\\'", [lit.like])
            unlike = _Core(f"{col.sql} NOT LIKE ? ESCAPE '\\'", [lit.like])
            return _null_aware(col, False, like, unlike, negate)

        if lit.kind == "date_literal":
            return self.date_range_comparison(col, cmp, lit, negate)

        if fdef.type is FieldType.BOOLEAN and op not in ("=", "!="):
            raise SoqlError("INVALID_QUERY_FILTER_OPERATOR",
                            f"invalid operator on boolean field: {op}", cmp.pos)
        v = self.value(col, lit, equality=op in ("=", "!="))
        if v is None:
            if op not in ("=", "!="):
                raise malformed(f"null can only be compared with = or !=, not {op}", lit.pos)
            # = null: only null rows; != null: every non-null row
            return _null_aware(col, op == "=", _FALSE if op == "=" else _TRUE,
                               _TRUE if op == "=" else _FALSE, negate)
        if op == "=":
            return _null_aware(col, False, _Core(f"{c} = ?", [v]), _Core(f"{c} <> ?", [v]),
                               negate)
        if op == "!=":
            return _null_aware(col, True, _Core(f"{c} <> ?", [v]), _Core(f"{c} = ?", [v]),
                               negate)
        inverse = {"<": ">=", "<=": ">", ">": "<=", ">=": "<"}[op]
        return _null_aware(col, False, _Core(f"{c} {op} ?", [v]),
                           _Core(f"{c} {inverse} ?", [v]), negate)

    def date_range_comparison(
        self, col: _Column, cmp: Comparison, lit: Literal, negate: bool
    ) -> _Tree:
        fdef = col.field
        if fdef.type not in (FieldType.DATE, FieldType.DATETIME):
            raise self.type_error(col, lit)
        start, end = date_range(lit.text, lit.n, self.today, lit.pos)
        lo, hi = self.day_bound(fdef, start), self.day_bound(fdef, end)
        c = col.cmp_sql
        inside = _Core(f"({c} >= ? AND {c} < ?)", [lo, hi])
        outside = _Core(f"({c} < ? OR {c} >= ?)", [lo, hi])
        op = cmp.op
        if op == "=":
            return _null_aware(col, False, inside, outside, negate)
        if op == "!=":
            return _null_aware(col, True, outside, inside, negate)
        # < before the range, <= up to its end, > after it, >= from its start
        bound = {"<": lo, "<=": hi, ">": hi, ">=": lo}[op]
        below = _Core(f"{c} < ?", [bound])
        above = _Core(f"{c} >= ?", [bound])
        if op in ("<", "<="):
            return _null_aware(col, False, below, above, negate)
        return _null_aware(col, False, above, below, negate)

    @staticmethod
    def day_bound(fdef: FieldDef, day: date) -> str:
        if fdef.type is FieldType.DATE:
            return day.isoformat()
        return f"{day.isoformat()}T00:00:00.000+0000"

    def type_error(self, col: _Column, lit: Literal) -> SoqlError:
        t = col.field.type
        if t in TEXT_TYPES:
            kind, quoted = "string", True
        elif t in ID_TYPES:
            kind, quoted = "id", True
        elif t is FieldType.INT:
            kind, quoted = "integer", False
        elif t is FieldType.DATETIME:
            kind, quoted = "dateTime", False
        else:
            kind, quoted = t.value, False
        how = "should be enclosed in quotes" if quoted else "should not be enclosed in quotes"
        return SoqlError(
            "INVALID_FIELD",
            f"value of filter criterion for field '{col.field.name}' must be of type {kind} "
            f"and {how}",
            lit.pos,
        )

    def _durable_key(self, col: _Column) -> bool:
        """Setup objects are keyed by durable names ("Lead", "Lead.Email"), not record
        Ids: their Id and the references to them compare as plain text."""
        f = col.field
        if f.type is FieldType.ID:
            return bool(col.objects) and col.objects[-1].setup
        targets = [self.catalog.get(name) for name in f.reference_to]
        return bool(targets) and all(t is not None and t.setup for t in targets)

    def value(self, col: _Column, lit: Literal, *, equality: bool = True) -> object:
        """The stored form of ``lit`` compared with ``col`` (None for null). ``equality``
        is False for ``< <= > >=``, where an empty string is just an empty string."""
        if lit.kind == "null":
            return None
        t = col.field.type
        if t in TEXT_TYPES:
            if lit.kind != "string":
                raise self.type_error(col, lit)
            # Salesforce keeps no empty strings: = '' and != '' test for null.
            return None if lit.text == "" and equality else lit.text
        if t in ID_TYPES:
            if lit.kind != "string":
                raise self.type_error(col, lit)
            if lit.text == "" and equality:
                return None
            if self._durable_key(col):
                return lit.text
            if not ids.looks_like_id(lit.text) or not lit.text.isascii():
                raise SoqlError("INVALID_QUERY_FILTER_OPERATOR", f"invalid ID field: {lit.text}",
                                lit.pos)
            return ids.to18(lit.text)
        if t is FieldType.BOOLEAN:
            if lit.kind != "boolean":
                raise self.type_error(col, lit)
            return 1 if lit.text == "true" else 0
        if t in NUMBER_TYPES:
            if lit.kind != "number":
                raise self.type_error(col, lit)
            return _number(lit)
        if t is FieldType.DATE:
            if lit.kind != "date":
                raise self.type_error(col, lit)
            try:
                return date.fromisoformat(lit.text).isoformat()
            except ValueError:
                raise malformed(f"invalid date: {lit.text}", lit.pos) from None
        if t is FieldType.DATETIME:
            if lit.kind != "datetime":
                raise self.type_error(col, lit)
            try:
                return format_datetime(parse_datetime(lit.text))
            except (ValueError, OverflowError):
                raise malformed(f"invalid dateTime: {lit.text}", lit.pos) from None
        raise self.type_error(col, lit)  # pragma: no cover - every type is handled above


def _number(lit: Literal) -> int | float:
    text = lit.text
    if len(text) > 60:  # also keeps int() clear of Python's 4300-digit conversion limit
        raise malformed(f"number out of range: {text[:20]}...", lit.pos)
    if "." not in text:
        value = int(text)
        if -(2**63) <= value < 2**63:
            return value
        # beyond SQLite's integers: compare as a double, as SQLite would
    result = float(text)
    if not math.isfinite(result):
        raise malformed(f"number out of range: {text}", lit.pos)
    return result


# ---------------------------------------------------------------------------------------
# WHERE as a tree of SQL fragments


@dataclass
class _Core:
    """SQL that is true exactly for the non-null values satisfying a test (and false or
    NULL for a null value); ``_TRUE``/``_FALSE`` stand for constant answers."""

    sql: str
    params: list[object]


_TRUE = _Core("1", [])
_FALSE = _Core("0", [])


@dataclass
class _Leaf:
    sql: str
    params: list[object]


@dataclass
class _Group:
    op: str  # AND / OR
    items: list[_Tree]


_Tree = _Leaf | _Group


def _null_aware(col: _Column, null_matches: bool, core: _Core, anti: _Core,
                negate: bool) -> _Leaf:
    """The leaf for a comparison whose answer is ``null_matches`` on a null value and
    ``core`` otherwise (``anti`` is ``core``'s complement on non-null values)."""
    if negate:
        null_matches, core = not null_matches, anti
    if not col.nullable:
        return _Leaf(core.sql, list(core.params))
    if core is _FALSE:
        return _Leaf(f"{col.sql} IS NULL" if null_matches else "0", [])
    if core is _TRUE:
        return _Leaf("1" if null_matches else f"{col.sql} IS NOT NULL", [])
    if null_matches:
        return _Leaf(f"({col.sql} IS NULL OR {core.sql})", list(core.params))
    return _Leaf(core.sql, list(core.params))


def _emit(tree: _Tree) -> tuple[str, list[object]]:
    """SQL text and its parameters, in order."""
    if isinstance(tree, _Leaf):
        return tree.sql, tree.params
    parts: list[tuple[str, list[object]]] = []
    for item in tree.items:
        sql, params = _emit(item)
        if isinstance(item, _Group) and len(item.items) > 1:
            sql = f"({sql})"
        parts.append((sql, params))
    joiner = f" {tree.op} "
    # Long chains are grouped in parentheses, CHAIN at a time, so that neither SQLite's
    # expression depth (1000) nor its parser stack is exhausted.
    while len(parts) > _CHAIN:
        grouped = []
        for i in range(0, len(parts), _CHAIN):
            chunk = parts[i : i + _CHAIN]
            grouped.append((
                "(" + joiner.join(s for s, _ in chunk) + ")",
                [p for _, ps in chunk for p in ps],
            ))
        parts = grouped
    return joiner.join(s for s, _ in parts), [p for _, ps in parts for p in ps]


def _nesting(sql: str) -> int:
    """Deepest parenthesis nesting of generated SQL (parameters are not in the text, and
    names come from the catalog, so every parenthesis is structure)."""
    depth = deepest = 0
    in_quote = False
    for ch in sql:
        if ch == "'":
            in_quote = not in_quote
        if in_quote:
            continue
        if ch == "(":
            depth += 1
            deepest = max(deepest, depth)
        elif ch == ")":
            depth -= 1
    return deepest
