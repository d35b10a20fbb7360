"""The editors' form renderer: the widgets an inline row repeats, written out in Python instead of templates.

A season's change page repeats the same few widgets on every qualifier row (two autocomplete boxes in Django's
related-object wrapper, a text box, a number box, hidden ids, the delete tick box): about 500 widgets, and each
template render (the widget's template, its ``attrs.html`` include, an include per option) costs a few tenths of
a millisecond, which made the page take 250 ms at 60 seasons. ``EditorFormRenderer`` writes those templates'
exact output in Python (``tournaments/tests/test_form_rendering.py`` compares it with Django's templates,
character for character) and hands every other template to Django's own renderer unchanged.
"""

from django.forms.renderers import DjangoTemplates
from django.template import Context
from django.template.base import render_value_in_context
from django.templatetags.static import static
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

INPUT_TEMPLATES = {
    f"django/forms/widgets/{kind}.html"
    for kind in ("input", "text", "number", "hidden", "checkbox", "email", "url", "password", "date")
}
SELECT_TEMPLATE = "django/forms/widgets/select.html"
OPTION_TEMPLATE = "django/forms/widgets/select_option.html"
RELATED_WRAPPER_TEMPLATE = "admin/widgets/related_widget_wrapper.html"


# A template's own settings (autoescape on, the active language's number and date formats), read but never changed.
_TEMPLATE_CONTEXT = Context()


def _printed(value):
    """What a template's {{ value }} prints: localized (a number, a date) and escaped unless already safe."""
    if type(value) is str:  # most of them (names, URLs, ids): nothing to localize, and not marked safe
        return escape(value)
    return render_value_in_context(value, _TEMPLATE_CONTEXT)


def _text(value):
    # What a template's {{ value|stringformat:'s' }} prints: the value as text, escaped unless already safe.
    return conditional_escape(value if isinstance(value, SafeString) else str(value))


def _attrs(attrs):
    """django/forms/widgets/attrs.html: ' name="value"' per attribute, the bare name for True, nothing for False."""
    return "".join(
        f" {_printed(name)}" if value is True else f' {_printed(name)}="{_text(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


def _input(widget):
    value = "" if widget["value"] is None else f' value="{_text(widget["value"])}"'
    return (
        f'<input type="{_printed(widget["type"])}" name="{_printed(widget["name"])}"{value}{_attrs(widget["attrs"])}>'
    )


def _select(widget):
    """select.html with select_option.html per option, or None when an option has another template."""
    parts = [f'<select name="{_printed(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{_printed(group_name)}">')
        for option in group_choices:
            if option["template_name"] != OPTION_TEMPLATE:
                return None
            parts.append(
                f'\n  <option value="{_text(option["value"])}"{_attrs(option["attrs"])}>'
                f"{_printed(option['label'])}</option>\n"
            )
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


# Per link, in the template's order: its kind (its class, id, icon), its flag, its title, the attributes between its
# id and title and the indent the template puts before each of them.
_RELATED_LINKS = [
    ("change", "can_change_related", "Change selected %(model)s", ("template", "popup"), 12),
    ("add", "can_add_related", "Add another %(model)s", ("popup", "href"), 12),
    ("delete", "can_delete_related", "Delete selected %(model)s", ("delete", "popup"), 12),
    ("view", "can_view_related", "View selected %(model)s", ("view",), 13),
]


def _related_wrapper(context):
    """admin/widgets/related_widget_wrapper.html: the wrapped box and its change/add/delete/view links."""
    reference = "" if context["model_has_limit_choices_to"] else f'data-model-ref="{_printed(context["model_name"])}"'
    params = _printed(context["url_params"])
    attributes = {
        "popup": 'data-popup="yes"',
        "template": f'data-href-template="{_printed(context.get("change_related_template_url", ""))}?{params}"',
        "href": f'href="{_printed(context.get("add_related_url", ""))}?{params}"',
        "delete": f'data-href-template="{_printed(context.get("delete_related_template_url", ""))}?{params}"',
        "view": (
            f'data-href-template="{_printed(context.get("change_related_template_url", ""))}'
            f'?{_printed(context.get("view_related_url_params", ""))}"'
        ),
    }
    links = []
    if not context["is_hidden"]:
        for kind, flag, title, names, indent in _RELATED_LINKS:
            if not context[flag]:
                continue
            # The admin's own messages ("Add another %(model)s"), so its translations apply.
            label = gettext(title) % {"model": _printed(context["model"])}
            lines = [
                f'<a class="related-widget-wrapper-link {kind}-related" id="{kind}_id_{_printed(context["name"])}"',
                *(attributes[name] for name in names),
                f'title="{label}"><img src="{_printed(static(f"admin/img/icon-{kind}link.svg"))}" alt=""'
                ' width="24" height="24"></a>',
            ]
            links.append(("\n" + " " * indent).join(lines))
    return (
        f'<div class="related-widget-wrapper" {reference}>\n    {_printed(context["rendered_widget"])}\n'
        f"    \n        {''.join(links)}\n    \n</div>"
    )


class EditorFormRenderer(DjangoTemplates):
    """Django's form renderer, with the input, select and related-object wrapper templates written in Python.

    Same output as the templates (pinned by tournaments/tests/test_form_rendering.py); any other template, or an
    option with its own template, goes through Django's template engine as before.
    """

    def render(self, template_name, context, request=None):
        html = None
        if template_name in INPUT_TEMPLATES:
            html = _input(context["widget"])
        elif template_name == SELECT_TEMPLATE:
            html = _select(context["widget"])
        elif template_name == RELATED_WRAPPER_TEMPLATE:
            html = _related_wrapper(context)
        if html is None:
            return super().render(template_name, context, request)
        return mark_safe(html)


editor_form_renderer = EditorFormRenderer()
