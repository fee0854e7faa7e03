package org.gridcommand.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The test helpers that replace sleeps: they return on state and fail in words. */
class WaitTest {
    @Test
    void untilReturnsAsSoonAsTheConditionHoldsAndFailsNamingWhatItAwaited() {
        AtomicInteger polls = new AtomicInteger();
        Wait.until("the third poll", Duration.ofSeconds(10), () -> polls.incrementAndGet() >= 3);
        assertThat(polls).hasValue(3);
        assertThatThrownBy(() -> Wait.until("pigs fly", Duration.ofMillis(30), () -> false))
                .isInstanceOf(AssertionError.class).hasMessage("timed out after 30 ms waiting until pigs fly");
    }

    @Test
    void withinAnswersTrueOnTheStateAndFalseAtTheDeadline() {
        AtomicInteger polls = new AtomicInteger();
        assertThat(Wait.within(Duration.ofSeconds(10), () -> polls.incrementAndGet() >= 2)).isTrue();
        assertThat(Wait.within(Duration.ofMillis(30), () -> false)).isFalse();
    }

    @Test
    void holdsThroughoutPollsTheWholeWindowAndFailsAtTheFirstBreak() {
        AtomicInteger polls = new AtomicInteger();
        Wait.holdsThroughout("always", Duration.ofMillis(100), () -> polls.incrementAndGet() > 0);
        assertThat(polls.get()).as("polled more than once over the window").isGreaterThan(2);

        AtomicInteger count = new AtomicInteger();
        assertThatThrownBy(() -> Wait.holdsThroughout("fewer than three polls", Duration.ofSeconds(30),
                () -> count.incrementAndGet() < 3))
                .isInstanceOf(AssertionError.class).hasMessageContaining("of 30 s: fewer than three polls");
        assertThat(count).hasValue(3);
    }
}
