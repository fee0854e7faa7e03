package org.gridcommand.store;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A store test that runs once on each store, H2 and PostgreSQL, with the {@link TestStores.Backend} as its
 * argument. The fast subset ({@code ./gridcommand test --fast}) runs it on H2 alone ({@code -Dgc.test.stores=h2}),
 * so that subset needs no PostgreSQL and still covers the store's logic; CI and {@code ./gridcommand test} run both.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest
@MethodSource("org.gridcommand.store.TestStores#backends")
@interface OnEachStore {
}
