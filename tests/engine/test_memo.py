"""``PinnedMemo``: a value is made once per (object, key), and a new object never gets
another one's value even if it happens to reuse a freed id."""

from __future__ import annotations

from labelmgr.engine.memo import PinnedMemo


class _Thing:
    pass


def test_a_value_is_made_once_per_object_and_key():
    memo: PinnedMemo[int] = PinnedMemo()
    made: list[str] = []
    a, b = _Thing(), _Thing()

    def make(tag: str, value: int):
        return lambda: made.append(tag) or value

    assert memo.get(a, "k", make("a-k", 1)) == 1
    assert memo.get(a, "k", make("again", 9)) == 1
    assert memo.get(a, "j", make("a-j", 2)) == 2
    assert memo.get(b, "k", make("b-k", 3)) == 3
    assert made == ["a-k", "a-j", "b-k"]


def test_the_memo_forgets_everything_when_full():
    memo: PinnedMemo[int] = PinnedMemo(limit=2)
    things = [_Thing() for _ in range(3)]
    for i, t in enumerate(things):
        memo.get(t, None, lambda i=i: i)
    assert memo.get(things[0], None, lambda: 99) == 99
