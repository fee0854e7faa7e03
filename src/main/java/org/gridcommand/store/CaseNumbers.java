package org.gridcommand.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gridcommand.cases.Case;
import org.gridcommand.common.DistrictTime;

/**
 * Gives cases their readable number (district code, day of the report in the district's zone, sequence of that day:
 * {@code 440402-20261208-0042}) inside the transaction that stores them. The day's last number lives in
 * {@code case_number_seq}; raising it takes that row's lock, so seats on one store never draw the same number.
 */
final class CaseNumbers {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);
    /** The district code when the store holds no district yet (a test's bare store). */
    static final String NO_DISTRICT = "000000";
    /** Set once every case stored before numbers existed has one. */
    static final String META_BACKFILLED = "cases.numbered";

    private CaseNumbers() {
    }

    /**
     * Makes sure each day of the cases has its row before the transaction that numbers them, each in a short
     * transaction of its own: two seats making the first case of a day at once then both find the row and wait for
     * its lock, instead of one of them failing on its key inside the case's transaction (PostgreSQL gives up the
     * whole transaction after such a failure).
     *
     * @param ready the days known to have their row (rows are never deleted): the caller keeps it for its store
     */
    static void prepareDays(Database db, java.util.Set<String> ready, java.util.Collection<Case> cases,
                            String operation) {
        java.util.Set<String> days = new java.util.TreeSet<>();
        for (Case k : cases) {
            if (k.number() == null) {
                days.add(dayOf(k.reportedAt()));
            }
        }
        days.removeAll(ready);
        if (days.isEmpty()) {
            return;
        }
        // All the days in one short transaction (a demo seed spans a thousand days). Another seat making one of the
        // rows at the same moment fails this on its key: the second attempt then finds the row and skips it.
        for (int attempt = 1; ; attempt++) {
            try {
                db.write(operation, c -> {
                    try (PreparedStatement in = c.prepareStatement("INSERT INTO case_number_seq (day_key, last_number)"
                            + " SELECT CAST(? AS VARCHAR(8)), 0 WHERE NOT EXISTS"
                            + " (SELECT 1 FROM case_number_seq WHERE day_key = CAST(? AS VARCHAR(8)))")) {
                        for (String day : days) {
                            in.setString(1, day);
                            in.setString(2, day);
                            in.executeUpdate();
                        }
                    }
                    return null;
                });
                break;
            } catch (StoreException e) {
                if (attempt >= 3 || !isDuplicateKey(e)) {
                    throw e;
                }
            }
        }
        ready.addAll(days);
    }

    private static boolean isDuplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static String dayOf(java.time.Instant at) {
        return DAY.format(at.atZone(DistrictTime.ZONE));
    }

    /** What a number is given for: a case's key and when it was reported. */
    private record Slot(String id, java.time.Instant reportedAt) {
    }

    /** The cases, those without a number given the next ones of their day (in report order); the others unchanged. */
    static List<Case> assign(Connection c, List<Case> cases) throws SQLException {
        List<Slot> lacking = cases.stream().filter(k -> k.number() == null)
                .map(k -> new Slot(k.id(), k.reportedAt())).toList();
        if (lacking.isEmpty()) {
            return cases;
        }
        Map<String, String> numbers = numbers(c, lacking);
        return cases.stream().map(k -> k.number() != null ? k : k.toBuilder().number(numbers.get(k.id())).build())
                .toList();
    }

    /** Numbers for the slots: each day's next ones, in report order (then by key). */
    private static Map<String, String> numbers(Connection c, List<Slot> slots) throws SQLException {
        List<Slot> ordered = new ArrayList<>(slots);
        ordered.sort(Comparator.comparing(Slot::reportedAt).thenComparing(Slot::id));
        Map<String, List<Slot>> byDay = new LinkedHashMap<>();
        for (Slot s : ordered) {
            byDay.computeIfAbsent(dayOf(s.reportedAt()), d -> new ArrayList<>()).add(s);
        }
        String district = districtCode(c);
        Map<String, String> numbers = new java.util.HashMap<>();
        for (Map.Entry<String, List<Slot>> day : byDay.entrySet()) {
            int next = reserve(c, day.getKey(), day.getValue().size()) - day.getValue().size() + 1;
            for (Slot s : day.getValue()) {
                numbers.put(s.id(), format(district, day.getKey(), next++));
            }
        }
        return numbers;
    }

    static String format(String district, String day, int sequence) {
        return district + "-" + day + "-" + String.format(Locale.ROOT, "%04d", sequence);
    }

    /** Raises the day's last number by {@code count} and returns the new last number. */
    private static int reserve(Connection c, String day, int count) throws SQLException {
        try (PreparedStatement up = c.prepareStatement(
                "UPDATE case_number_seq SET last_number = last_number + ? WHERE day_key = ?")) {
            up.setInt(1, count);
            up.setString(2, day);
            if (up.executeUpdate() == 0) {
                // Not prepared (prepareDays): only one writer can be here for a new day, e.g. a backfill at open.
                try (PreparedStatement in = c.prepareStatement(
                        "INSERT INTO case_number_seq (day_key, last_number) VALUES (?, ?)")) {
                    in.setString(1, day);
                    in.setInt(2, count);
                    in.executeUpdate();
                }
                return count;
            }
        }
        try (PreparedStatement read = c.prepareStatement("SELECT last_number FROM case_number_seq WHERE day_key = ?")) {
            read.setString(1, day);
            try (ResultSet rs = read.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static String districtCode(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT admin_code FROM district")) {
            String code = rs.next() ? rs.getString(1) : null;
            return code == null || code.isBlank() ? NO_DISTRICT : code.strip();
        }
    }

    /** Numbers every stored case that has none (stores made before V10), in one transaction; once per store. */
    static void backfill(Database db) {
        if (db.meta(META_BACKFILLED).isPresent()) {
            return;
        }
        db.write("numbering the cases stored before case numbers", c -> {
            List<Slot> unnumbered = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT id, reported_at FROM cases WHERE case_number IS NULL")) {
                while (rs.next()) {
                    unnumbered.add(new Slot(rs.getString("id"), Columns.getInstant(rs, "reported_at")));
                }
            }
            if (!unnumbered.isEmpty()) {
                Map<String, String> numbers = numbers(c, unnumbered);
                Batch.insert(c, "UPDATE cases SET case_number = ? WHERE id = ?", unnumbered, (ps, s) -> {
                    ps.setString(1, numbers.get(s.id()));
                    ps.setString(2, s.id());
                });
            }
            return null;
        });
        db.putMeta(META_BACKFILLED, "1");
    }
}
