package org.gridcommand.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.gridcommand.cases.Case;
import org.gridcommand.store.TestStores.Backend;
import org.gridcommand.store.TestStores.TestStore;
import org.junit.jupiter.api.Tag;

/** The reference district's three years of cases in one insertAll. Timing is printed, never asserted. */
@Tag("slow")
class StoreLoadTest {
    private static final int CASES = 37_000;

    @OnEachStore
    void loads37000Cases(Backend backend) {
        List<Case> cases = Fixtures.generatedCases(CASES, 2024);
        try (TestStore store = TestStores.open(backend)) {
            Instant start = Instant.now();
            store.db.cases().insertAll(cases);
            Duration took = Duration.between(start, Instant.now());
            System.out.printf("%s: inserted %,d cases in %d ms%n", backend, CASES, took.toMillis());

            assertThat(store.db.cases().count()).isEqualTo(CASES);
            assertThat(store.takeEvents()).hasSize(1);
        }
    }
}
