"""Step-stream state: each step once, in order, whatever the fetches look like."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given
from hypothesis import strategies as st

from browser_use_cloud._policies.step_stream import StepTracker


@dataclass(frozen=True)
class Step:
    id: str
    step: int


def steps(*numbers: int) -> list[Step]:
    return [Step(f"s{n}", n) for n in numbers]


def test_repeated_and_stale_fetches_yield_once() -> None:
    tracker: StepTracker[Step] = StepTracker()
    assert tracker.feed(steps(1, 2)) == steps(1, 2)
    assert tracker.feed(steps(1, 2)) == []
    assert tracker.feed(steps(1)) == []  # stale replica
    assert tracker.feed(steps(1, 2, 3)) == steps(3)
    assert tracker.count == 3


def test_out_of_order_within_a_fetch_is_sorted() -> None:
    tracker: StepTracker[Step] = StepTracker()
    assert tracker.feed(steps(3, 1, 2)) == steps(1, 2, 3)


def test_gap_is_held_then_filled() -> None:
    tracker: StepTracker[Step] = StepTracker(max_gap_holds=2)
    assert tracker.feed(steps(1, 3)) == steps(1)
    assert tracker.feed(steps(1, 2, 3)) == steps(2, 3)


def test_gap_released_after_holds_or_when_final() -> None:
    tracker: StepTracker[Step] = StepTracker(max_gap_holds=1)
    assert tracker.feed(steps(1, 3)) == steps(1)
    assert tracker.feed(steps(1, 3)) == steps(3)
    assert tracker.feed(steps(2, 3)) == []  # too late: would be out of order
    final: StepTracker[Step] = StepTracker()
    assert final.feed(steps(2, 4), final=True) == steps(2, 4)


def test_zero_based_numbering() -> None:
    tracker: StepTracker[Step] = StepTracker()
    assert tracker.feed(steps(0, 1)) == steps(0, 1)


def test_same_id_renumbered_is_not_repeated() -> None:
    tracker: StepTracker[Step] = StepTracker()
    tracker.feed([Step("a", 1)])
    assert tracker.feed([Step("a", 2), Step("b", 2)]) == [Step("b", 2)]


TRUTH = steps(*range(1, 31))

fetch = st.integers(0, 30).flatmap(
    lambda n: st.permutations(TRUTH[:n]).flatmap(
        lambda items: (
            st.lists(st.sampled_from(items), max_size=5).map(lambda dupes: [*items, *dupes])
            if items
            else st.just([])
        )
    )
)


@given(st.lists(st.lists(st.sampled_from(TRUTH), max_size=12), max_size=15), st.booleans())
def test_never_twice_never_out_of_order(fetches: list[list[Step]], final: bool) -> None:
    tracker: StepTracker[Step] = StepTracker()
    out: list[Step] = []
    for i, batch in enumerate(fetches):
        out.extend(tracker.feed(batch, final=final and i == len(fetches) - 1))
    numbers = [s.step for s in out]
    assert numbers == sorted(set(numbers))
    assert len({s.id for s in out}) == len(out)


@given(st.lists(fetch, max_size=15))
def test_prefix_fetches_then_final_yield_everything_in_order(fetches: list[list[Step]]) -> None:
    """Real fetches are (possibly stale, shuffled, duplicated) prefixes of the truth."""
    tracker: StepTracker[Step] = StepTracker()
    out: list[Step] = []
    for batch in fetches:
        out.extend(tracker.feed(batch))
    out.extend(tracker.feed(TRUTH, final=True))
    assert out == TRUTH
