"""What a web process keeps under the content token: least recently used first out, within a budget.

The quiz items (selectors/quiz_items.py) and the marked articles (views/article_view.py) are kept this way.
The token in their keys moves on every write to what they were made from (quizzes/content_triggers.py),
so nothing here is ever invalidated: entries kept under a replaced token are simply never asked for again
and are the first to go. Safe for threads; values are shared, so callers treat them as read-only.
"""

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

V = TypeVar("V")


class Kept(Generic[V]):
    def __init__(self, budget: int, size: Callable[[V], int] = lambda _value: 1):
        """`budget`: the most `size` may add up to over the entries (one each, unless told otherwise);
        the newest entry is kept even if it alone is over."""
        self.budget, self._size = budget, size
        self._entries: OrderedDict[Hashable, V] = OrderedDict()
        self._used = 0
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._entries)

    def get_or_make(self, key: Hashable, make: Callable[[], V]) -> V:
        """The value kept under `key`, or `make()`'s, kept. `make` runs outside the lock."""
        with self._lock:
            value = self._entries.get(key)
            if value is not None:
                self._entries.move_to_end(key)
                return value
        value = make()
        with self._lock:
            if key not in self._entries:  # another thread may have made it meanwhile
                self._entries[key] = value
                self._used += self._size(value)
                while self._used > self.budget and len(self._entries) > 1:
                    _key, old = self._entries.popitem(last=False)
                    self._used -= self._size(old)
        return value
