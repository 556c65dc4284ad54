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


def test_of_makes_a_value_once_per_object_and_forgets_when_full():
    memo: PinnedMemo[str] = PinnedMemo(limit=2)
    made: list[_Thing] = []

    def make(thing: _Thing) -> str:
        made.append(thing)
        return f"value {len(made)}"

    a, b, c = _Thing(), _Thing(), _Thing()
    assert memo.of(a, make) == "value 1"
    assert memo.of(a, make) == "value 1"
    assert memo.of(b, make) == "value 2"
    assert made == [a, b]
    memo.of(c, make)  # full: everything is forgotten first
    assert memo.of(a, make) == "value 4"


def test_of_never_hands_a_new_object_a_freed_ones_value():
    memo: PinnedMemo[int] = PinnedMemo()
    first = _Thing()
    assert memo.of(first, lambda t: 1) == 1
    del first  # the memo keeps it alive, so no new object can take its id
    for _ in range(100):
        assert memo.of(_Thing(), lambda t: 2) == 2
