"""Readable random passwords for student accounts: three short words and two digits (maple-otter-sun-42)."""

import secrets

# Short, common, unambiguous, inoffensive words a young student can type from a printed card.
WORDS = """
    acorn amber apple arrow badge basil beach berry birch bison blaze bloom brook cabin camel candy
    cedar chalk cider cliff cloud clover comet coral crane creek daisy delta dune eagle ember fable fern
    field flame flint forest frost gecko ginger globe grape gravel harbor hazel heron honey island ivory
    jade jelly kayak kite koala lemon lilac llama lotus maple meadow melon mint moose moss nectar north
    oasis ocean olive orbit otter panda paper peach pearl pebble pepper pilot pine planet plum pond
    prism quartz quill radar raven reef ridge river robin rocket sage salmon sand shell silver sky slate
    snow solar spark spruce star stone sun swan thunder tiger topaz tulip valley violet walnut willow
    wind zebra
""".split()


def readable_password() -> str:
    words = [secrets.choice(WORDS) for _ in range(3)]
    return "-".join(words) + f"-{secrets.randbelow(90) + 10}"
