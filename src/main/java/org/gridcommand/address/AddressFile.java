package org.gridcommand.address;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An address register file as read and checked: the addresses of its good rows (WGS-84, small grid assigned when a
 * district was given) and every problem found. Import it only when {@link #clean()}: all or nothing.
 *
 * @param rows how many address rows (CSV records or GeoJSON features) the file holds, good or bad
 */
public record AddressFile(String source, int rows, List<StandardAddress> addresses, List<AddressProblem> problems) {
    public AddressFile {
        Objects.requireNonNull(source, "source");
        addresses = List.copyOf(addresses);
        problems = List.copyOf(problems);
    }

    public long errors() {
        return problems.stream().filter(p -> !p.warning()).count();
    }

    public long warnings() {
        return problems.stream().filter(AddressProblem::warning).count();
    }

    /** True when no problem is an error (warnings do not stop an import). */
    public boolean clean() {
        return errors() == 0;
    }

    /** E.g. {@code 3512 addresses: 0 errors, 1 warning}. */
    public String summary() {
        return plural(rows, "address", "addresses") + ": " + plural(errors(), "error", "errors") + ", "
                + plural(warnings(), "warning", "warnings");
    }

    /** The summary line, then one line per problem in file order. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>(problems.size() + 1);
        lines.add(summary());
        problems.forEach(p -> lines.add(p.toLine()));
        return lines;
    }

    private static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
