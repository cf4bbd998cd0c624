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
    if foreground is None and background is not None:
        # A highlight that sets only its background keeps the widget's text colour: it must
        # still read on the highlight.
        foreground = under + widget.colors[3]
    if foreground is not None:
        foreground = readable(foreground, under)
        if background is None:
            # Text on the widget's own ground is drawn on highlighted rows too (a tint of the
            # text colour over that ground): it must read there as well.
            text_color = widget.colors[3]  # resolved ("auto" colours included)
            tinted = under + text_color.with_alpha(HIGHLIGHT_TINT)
            foreground = readable(foreground, tinted)
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


HIGHLIGHT_TINT = 0.25
"""The text colour's share in a highlighted row's background: ``$foreground 14%`` (``app.tcss``) on a focused list's 5% tint, rounded up."""
MIN_CONTRAST = 4.5
"""WCAG AA for text: every text colour resolved here is drawn at least this far from its ground."""


def luminance(color: Color) -> float:
    """WCAG relative luminance of an opaque colour."""

    def channel(v: int) -> float:
        x = v / 255
        return x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)


def contrast(a: Color, b: Color) -> float:
    """WCAG contrast ratio of two opaque colours (1 to 21)."""
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def readable(foreground: Color, background: Color, minimum: float = MIN_CONTRAST) -> Color:
    """``foreground`` as drawn on ``background``, moved towards black or white (whichever the
    background contrasts with) just far enough to reach ``minimum``.

    A theme's own colours are kept where they already read; a translucent colour that reads is
    left translucent (it blends with a highlighted row the same way).
    """
    drawn = background + foreground
    if contrast(drawn, background) >= minimum:
        return foreground
    black, white = Color(0, 0, 0), Color(255, 255, 255)
    # Towards whichever of black and white stands further from the ground (on a mid-tone tint
    # white may top out at 4.1:1 where black reaches 5).
    target = black if contrast(black, background) > contrast(white, background) else white
    for step in range(1, 21):
        moved = drawn.blend(target, step / 20)
        if contrast(moved, background) >= minimum:
            return moved
    return target
