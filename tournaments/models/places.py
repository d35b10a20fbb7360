"""Departments and teams: the things that recur from season to season."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ..text import fold, spanish_sort_code, unique_slug
from .sources import TeamAlias
from .text_rules import look_alike_letter


class DepartmentManager(models.Manager):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Department(models.Model):
    """One of Peru's 25 departments (Callao included), created by a data migration."""

    name = models.CharField(_("name"), max_length=60, unique=True)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    # The name in Spanish order (text.spanish_sort_code), which no database collation gives on SQLite and PostgreSQL.
    sort_name = models.CharField(max_length=400, editable=False, db_index=True, default="", verbose_name=_("sort name"))

    objects = DepartmentManager()

    class Meta:
        ordering = ["sort_name", "name"]
        verbose_name = _("department")
        verbose_name_plural = _("departments")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.sort_name = spanish_sort_code(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("tournaments:department-detail", args=[self.slug])

    def natural_key(self):
        return (self.slug,)


class TeamQuerySet(models.QuerySet):
    def matching(self, query):
        """Teams whose name or one of whose other names (TeamAlias) contains the query, ignoring accents, case and
        dots ("imi" finds I.M.I., "agostinos" Hungaritos Agustinos). Each team has ``other_name``: the first other
        name that matched when its own name did not (None otherwise), so a result can say why it is there."""
        folded = fold(query)
        other_names = TeamAlias.objects.filter(search_name__contains=folded)
        own = models.Q(search_name__contains=folded)
        other_name = models.Subquery(other_names.filter(team=models.OuterRef("pk")).order_by("name").values("name")[:1])
        return self.filter(own | models.Q(pk__in=other_names.values("team"))).annotate(
            other_name=models.Case(
                models.When(own, then=models.Value(None)), default=other_name, output_field=models.CharField()
            )
        )

    def get_by_natural_key(self, name):
        return self.get(name=name)


class Team(models.Model):
    """A club. A place in brackets makes a distinct team: "Deportivo Municipal (Huamanga)"."""

    name = models.CharField(
        _("name"),
        max_length=100,
        unique=True,
        help_text=_('As the club is known, with its town in brackets when needed: "Deportivo Municipal (Acoria)".'),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        blank=True,
        help_text=_("The team's address on the site (/teams/<slug>/). Leave empty to have it made from the name."),
    )
    search_name = models.CharField(max_length=100, editable=False, db_index=True, verbose_name=_("search name"))
    # Every list of teams orders by this: "Íntimo Cable Visión" before "Wanka" on SQLite and PostgreSQL alike.
    sort_name = models.CharField(max_length=400, editable=False, db_index=True, default="", verbose_name=_("sort name"))

    objects = TeamQuerySet.as_manager()

    class Meta:
        ordering = ["sort_name", "name"]
        verbose_name = _("team")
        verbose_name_plural = _("teams")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.search_name = fold(self.name)
        self.sort_name = spanish_sort_code(self.name)
        if not self.slug:
            # Made once, here, for the admin, the importer and the shell alike; never remade afterwards, so a
            # team's URL outlives a corrected name.
            self.slug = self.free_slug(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("tournaments:team-detail", args=[self.slug])

    def clean(self):
        """Refuses a name that only differs from another team's, or from another team's other name (alias), by
        case, accents, dots or full-width letters: the importer and search find teams by that folded form, so two
        of them could not be told apart."""
        super().clean()
        if reason := look_alike_letter(self.name):
            raise ValidationError({"name": reason})
        other = Team.objects.exclude(pk=self.pk).filter(search_name=fold(self.name)).first()
        if other is not None:
            raise ValidationError(
                {
                    "name": _(
                        "The team %(other)s already has this name, written differently. Use that team, or tell the "
                        "two apart (e.g. with the town in brackets)."
                    )
                    % {"other": other.name}
                }
            )
        alias = (
            self._meta.get_field("aliases")
            .related_model.objects.filter(search_name=fold(self.name))
            .exclude(team_id=self.pk)
            .first()
        )
        if alias is not None:
            # The importer finds a team by its other names too: this name already means that club.
            raise ValidationError(
                {
                    "name": _("%(name)s is another name of %(team)s: use that team, or tell the two apart.")
                    % {"name": self.name, "team": alias.team}
                }
            )

    @classmethod
    def free_slug(cls, name):
        """The slug a new team called `name` gets: transliterated, never empty, numbered when already taken."""
        return unique_slug(name, lambda slug: cls.objects.filter(slug=slug).exists())

    def natural_key(self):
        return (self.name,)
