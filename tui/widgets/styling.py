"""Resolve a component class to an opaque, drawable style.

``Widget.get_visual_style(cls, partial=True)`` drops an opaque ``background`` (it blends the
component's background in by ``1 - alpha``, so a solid colour counts for nothing) and ignores
``reverse`` and ``auto`` text colours. Highlights whose whole point is their background (search
matches, the selected entity, the current mention) then vanish. This resolves the component's own
rules against the widget's actual background instead, so the result is the same in every theme.
"""

from __future__ import annotations

from textual.color import Color
from textual.style import Style
from textual.widget import Widget


def component_style(widget: Widget, name: str) -> Style:
    """The style of ``widget``'s component class ``name``, with colours made opaque.

    Args:
        widget: The widget declaring the component class.
        name: The component class (``article-view--match``).

    Returns:
        A style whose background (if the rule sets one) is composited over the widget's own
        background; ``auto`` text colours pick the colour contrasting with that background.
    """
    styles = widget.get_component_styles(name)
    # The widget's background without its focus tint: the style is resolved once per listing, and a
    # list that gains focus while it is being listed gave its muted text another shade (a flaky
    # snapshot: #a5a5a5 or #a8a8a8 depending on when focus landed).
    under_widget = widget.background_colors[0]
    if under_widget.a < 1:
        under_widget = Color(0, 0, 0) + under_widget
    base = under_widget + widget.styles.background
    background: Color | None = None
    if styles.has_rule("background"):
        background = base + styles.background.tint(styles.background_tint)
    under = background or base
    foreground: Color | None = None
    if styles.has_rule("auto_color") and styles.auto_color:
        alpha = styles.color.a if styles.has_rule("color") else 0.9
        foreground = under + under.get_contrast_text(alpha)
    elif styles.has_rule("color"):
        # Left translucent: a muted colour blends with whatever it is drawn on (a highlighted row).
        foreground = styles.color.multiply_alpha(styles.text_opacity)
    text = styles.text_style
    return Style(
        background=background,
        foreground=foreground,
        bold=text.bold,
        dim=text.dim,
        italic=text.italic,
        underline=text.underline,
        reverse=text.reverse,
        strike=text.strike,
    )
