"""``FormButton``, ``FormInput``, ``FormCheckbox``: Textual's controls with less CSS to parse.

They are Textual's ``Button``, ``Input`` and ``Checkbox`` (same keys, mouse, messages and
look) whose ``DEFAULT_CSS`` keeps only the rules of what the game uses: Textual's own
stylesheets also cover flat, compact, success/warning/error and validated variants, and
parsing them is most of what these widgets cost before the first screen (``Button``'s 57
rules alone take ~4 ms). The rules kept are Textual's, in Textual's order, so every state
(focus, hover, pressed, disabled, ANSI themes) looks the same; ``tests/tui/test_controls.py``
renders each state next to Textual's widget to catch a Textual upgrade that changes them.

``inherit_css=False`` drops the bases' stylesheets, so app rules select these widgets by
their own type names (``FormButton``), not ``Button``; it also stops Textual collecting the
bases' ``COMPONENT_CLASSES``, so each class names them again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.widgets import Button, Checkbox, Input

if TYPE_CHECKING:
    from textual.content import ContentText
    from textual.widgets.button import ButtonVariant


class FormButton(Button, inherit_css=False):
    """A ``Button`` in the default or primary variant (no flat or compact style).

    Posts ``Button.Pressed`` on a click, enter, or ``press()``, like Textual's button.
    """

    DEFAULT_CSS = """
    FormButton:ansi.-style-default {
        border: tall $border-blurred;
        background: ansi_default;

        &:disabled {
            text-opacity: 1;
            text-style: bold dim;
            border: tall $border-blurred !important;
            background: ansi_default !important;
            pointer: not-allowed;
            &:hover {
                background: ansi_default;
            }
        }

        &:hover {
            background: $ansi-background;
            border: tall $border;
        }

        &.-active {
            background: $ansi-background !important;
            border: blank $background !important;
            tint: transparent;
        }

        &.-primary {
            color: $primary;
            border: tall $primary;
            background: ansi_default;
            &:hover {
                background: $ansi-background;
            }
        }
    }

    FormButton {
        width: auto;
        min-width: 16;
        height: auto;
        line-pad: 1;
        text-align: center;
        content-align: center middle;
        pointer: pointer;

        &.-style-default {
            text-style: bold;
            color: $button-foreground;
            background: $surface;
            border: none;
            border-top: tall $surface-lighten-1;
            border-bottom: tall $surface-darken-1;

            &:disabled {
                text-opacity: 0.6;
                pointer: not-allowed;
            }

            &:focus {
                text-style: $button-focus-text-style;
                background-tint: $foreground 5%;
            }
            &:hover {
                border-top: tall $surface;
                background: $surface-darken-1;
            }

            &.-active {
                background: $surface;
                border-bottom: tall $surface-lighten-1;
                border-top: tall $surface-darken-1;
                tint: $background 30%;
            }

            &.-primary {
                color: $button-color-foreground;
                background: $primary;
                border-top: tall $primary-lighten-3;
                border-bottom: tall $primary-darken-3;

                &:hover {
                    background: $primary-darken-2;
                    border-top: tall $primary;
                }

                &.-active {
                    background: $primary;
                    border-bottom: tall $primary-lighten-3;
                    border-top: tall $primary-darken-3;
                }
            }
        }
    }
    """

    VARIANTS = frozenset({"default", "primary"})
    """The variants the stylesheet covers."""

    def __init__(self, label: ContentText | None = None, variant: ButtonVariant = "default", *,
                 name: str | None = None, id: str | None = None, classes: str | None = None,
                 disabled: bool = False, tooltip: str | None = None) -> None:
        super().__init__(label, variant, name=name, id=id, classes=classes, disabled=disabled,
                         tooltip=tooltip)

    def validate_variant(self, variant: str) -> str:
        """Only the variants the stylesheet covers (others would be unstyled)."""
        if variant not in self.VARIANTS:
            raise ValueError(f"FormButton variants are {sorted(self.VARIANTS)}, not {variant!r}")
        return variant


class FormInput(Input, inherit_css=False):
    """An ``Input`` for plain text (no validators, suggester or compact style)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = Input.COMPONENT_CLASSES

    DEFAULT_CSS = """
    FormInput {
        background: $surface;
        color: $foreground;
        padding: 0 2;
        border: tall $border-blurred;
        width: 100%;
        height: 3;
        scrollbar-size-horizontal: 0;
        pointer: text;

        &:focus {
            border: tall $border;
            background-tint: $foreground 5%;
        }
        &>.input--cursor {
            background: $input-cursor-background;
            color: $input-cursor-foreground;
            text-style: $input-cursor-text-style;
        }
        &>.input--selection {
            background: $input-selection-background;
            color: $input-selection-foreground;
        }
        &>.input--placeholder {
            color: $text-disabled;
        }

        &:ansi {
            background: ansi_default;
            color: ansi_default;
            &>.input--cursor {
                background: ansi_white;
                color: ansi_black;
            }
            &>.input--placeholder {
                text-style: dim;
                color: ansi_default;
            }
        }
    }
    """

    def __init__(self, value: str | None = None, placeholder: str = "", *,
                 password: bool = False, max_length: int = 0, name: str | None = None,
                 id: str | None = None, classes: str | None = None,
                 disabled: bool = False, tooltip: str | None = None) -> None:
        super().__init__(value, placeholder, password=password, max_length=max_length,
                         name=name, id=id, classes=classes, disabled=disabled, tooltip=tooltip)


class FormCheckbox(Checkbox, inherit_css=False):
    """A ``Checkbox`` (no compact style)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = Checkbox.COMPONENT_CLASSES

    DEFAULT_CSS = """
    FormCheckbox {
        height: auto;
        width: auto;
        border: tall $border-blurred;
        padding: 0 1;
        background: $surface;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        pointer: pointer;

        &:ansi {
            background: ansi_default;
            & > .toggle--button {
                background: $ansi-background;
                color: $ansi-foreground;
                text-style: dim;
            }
            &.-on > .toggle--button {
                color: $accent;
                background: $ansi-background;
                text-style: bold not dim;
            }
        }

        & > .toggle--button {
            color: $panel-darken-2;
            background: $panel;
        }

        &.-on > .toggle--button {
            color: $text-success;
            background: $panel;
        }

        &:focus {
            border: tall $border;
            background-tint: $foreground 5%;

            & > .toggle--label {
                color: $block-cursor-foreground;
                background: $block-cursor-background;
                text-style: $block-cursor-text-style;
            }
        }
        &:blur:hover {
            & > .toggle--label {
                background: $block-hover-background;
            }
        }
    }
    """

    def __init__(self, label: ContentText = "", value: bool = False, *,
                 name: str | None = None, id: str | None = None, classes: str | None = None,
                 disabled: bool = False, tooltip: str | None = None) -> None:
        super().__init__(label, value, name=name, id=id, classes=classes, disabled=disabled,
                         tooltip=tooltip)
