"""The editors' form renderer: the widgets an inline row repeats, written out in Python instead of templates.

A season's change page repeats the same few widgets on every qualifier row (two autocomplete boxes in Django's
related-object wrapper, a text box, a number box, hidden ids, the delete tick box): about 500 widgets, and each
template render (the widget's template, its ``attrs.html`` include, an include per option) costs a few tenths of
a millisecond, which made the page take 250 ms at 60 seasons. ``EditorFormRenderer`` writes those templates'
exact output in Python (``tests/test_form_rendering.py`` compares it with Django's templates, character for
character) and hands every other template to Django's own renderer unchanged.
"""

from django.forms.renderers import DjangoTemplates
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


def _text(value):
    # What a template's {{ value|stringformat:'s' }} prints: the value as text, escaped unless already safe.
    return conditional_escape(value if isinstance(value, SafeString) else str(value))


def _attrs(attrs):
    """django/forms/widgets/attrs.html: ' name="value"' per attribute, the bare name for True, nothing for False."""
    return "".join(
        f" {escape(name)}" if value is True else f' {escape(name)}="{_text(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


def _input(widget):
    value = "" if widget["value"] is None else f' value="{_text(widget["value"])}"'
    return f'<input type="{escape(widget["type"])}" name="{escape(widget["name"])}"{value}{_attrs(widget["attrs"])}>'


def _select(widget):
    """select.html with select_option.html per option, or None when an option has another template."""
    parts = [f'<select name="{escape(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
        for option in group_choices:
            if option["template_name"] != OPTION_TEMPLATE:
                return None
            parts.append(
                f'\n  <option value="{_text(option["value"])}"{_attrs(option["attrs"])}>'
                f"{conditional_escape(option['label'])}</option>\n"
            )
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


# Per link: its flag, its class and id prefix, its attributes in the template's order and indent, its title and icon.
_RELATED_LINKS = [
    (
        "can_change_related",
        "change-related",
        "change_id_",
        ("template", "popup"),
        12,
        "Change selected %(model)s",
        "change",
    ),
    ("can_add_related", "add-related", "add_id_", ("popup", "href"), 12, "Add another %(model)s", "add"),
    (
        "can_delete_related",
        "delete-related",
        "delete_id_",
        ("delete", "popup"),
        12,
        "Delete selected %(model)s",
        "delete",
    ),
    ("can_view_related", "view-related", "view_id_", ("view",), 13, "View selected %(model)s", "view"),
]


def _related_wrapper(context):
    """admin/widgets/related_widget_wrapper.html: the wrapped box and its change/add/delete/view links."""
    reference = "" if context["model_has_limit_choices_to"] else f'data-model-ref="{escape(context["model_name"])}"'
    params = escape(context["url_params"])
    attributes = {
        "popup": 'data-popup="yes"',
        "template": f'data-href-template="{escape(context.get("change_related_template_url", ""))}?{params}"',
        "href": f'href="{escape(context.get("add_related_url", ""))}?{params}"',
        "delete": f'data-href-template="{escape(context.get("delete_related_template_url", ""))}?{params}"',
        "view": (
            f'data-href-template="{escape(context.get("change_related_template_url", ""))}'
            f'?{escape(context.get("view_related_url_params", ""))}"'
        ),
    }
    links = []
    if not context["is_hidden"]:
        for flag, kind, prefix, names, indent, title, icon in _RELATED_LINKS:
            if not context[flag]:
                continue
            # The admin's own messages ("Add another %(model)s"), so its translations apply.
            label = gettext(title) % {"model": conditional_escape(context["model"])}
            lines = [
                f'<a class="related-widget-wrapper-link {kind}" id="{prefix}{escape(context["name"])}"',
                *(attributes[name] for name in names),
                f'title="{label}"><img src="{escape(static(f"admin/img/icon-{icon}link.svg"))}" alt=""'
                ' width="24" height="24"></a>',
            ]
            links.append(("\n" + " " * indent).join(lines))
    return (
        f'<div class="related-widget-wrapper" {reference}>\n    {conditional_escape(context["rendered_widget"])}\n'
        f"    \n        {''.join(links)}\n    \n</div>"
    )


class EditorFormRenderer(DjangoTemplates):
    """Django's form renderer, with the input, select and related-object wrapper templates written in Python.

    Same output as the templates (pinned by tests/test_form_rendering.py); any other template, or an option with
    its own template, goes through Django's template engine as before.
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
