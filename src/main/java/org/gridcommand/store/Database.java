package org.gridcommand.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.gridcommand.camera.CameraRepository;
import org.gridcommand.cases.CaseEventRepository;
import org.gridcommand.cases.CaseRepository;
import org.gridcommand.common.ChangeBus;
import org.gridcommand.common.ChangeEvent;
import org.gridcommand.directory.ResourceRepository;
import org.gridcommand.duty.AuditRepository;
import org.gridcommand.evidence.EvidenceRepository;
import org.gridcommand.feed.FeedStore;
import org.gridcommand.grid.GridRepository;
import org.gridcommand.handover.HandoverRepository;
import org.gridcommand.plans.PlanStore;
import org.gridcommand.store.FailureDiagnosis.Finding;
import org.gridcommand.store.StoreException.Place;
import org.gridcommand.store.StoreException.Trouble;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The store: a local H2 file (a seat keeps working when the network is down) or a PostgreSQL schema
 * (the centre). Opening migrates the schema with Flyway; the same scripts serve both vendors.
 *
 * <p>Durability: every write method of the repositories returns only once its transaction is durable.
 * <ul>
 * <li>H2 2.3 (MVStore) has no write-ahead log: a commit reaches the file only when the MVStore writes a
 * new chunk. With H2's default WRITE_DELAY of 500 ms a background thread writes those chunks, so a
 * killed process silently loses up to half a second of commits that the caller was told had succeeded
 * (measured: 40 of 200 acknowledged audit appends, and a whole acknowledged 5,000-case batch, gone).
 * {@code WRITE_DELAY=0} sets the MVStore auto-commit delay to 0, and then
 * {@code TransactionStore.endTransaction} calls {@code MVStore.commit()} on the committing thread: the
 * chunk is written (FileChannel.write) before JDBC {@code commit()} returns. That survives the death of
 * the JVM (kill -9, crash, out of memory) because the bytes already sit in the operating system's page
 * cache. It does not survive a power cut or kernel crash: MVStore calls FileChannel.force only on
 * clean close and compaction, never on commit. So after every write transaction this class also runs
 * {@code CHECKPOINT SYNC} (Database.sync: MVStore commit + FileChannel.force), one fsync per
 * acknowledged write; batch loads pay it once per batch, not per row. (Checked against the 2.3.232
 * bytecode; DurabilityAfterKillTest covers the kill -9 case, power loss cannot be tested here.)</li>
 * <li>PostgreSQL is durable at commit as long as the server keeps its defaults (fsync=on,
 * synchronous_commit=on): the commit returns after the WAL is flushed.</li>
 * </ul>
 *
 * <p>Trouble: a failure says why in one sentence ({@link StoreException}), and the store recovers by itself.
 * Measured with H2 2.3.232 on a full disk: the write whose chunk does not fit fails at COMMIT with "General
 * error" (50000) around an MVStoreException around the IOException "No space left on device"; the MVStore
 * then panics and closes the database, every pooled connection answers "The database has been closed"
 * (90098) once and is dropped, and a new connection opens the file again (its torn last chunk is ignored,
 * nothing committed before is lost). So after a failure that leaves the engine suspect (full disk, disk error,
 * read-only, closed) the pool is replaced: the next call opens the file afresh and succeeds once there is room,
 * without a restart. PostgreSQL connections are opened per call, so a server that comes back serves the next one.
 */
public final class Database implements AutoCloseable {
    /** Rows per JDBC batch in bulk loads: large enough to amortise round trips, small enough for memory. */
    static final int BATCH_SIZE = 1_000;
    private static final System.Logger LOG = System.getLogger(Database.class.getName());

    private static final String MIGRATIONS = "classpath:db/migration";
    /**
     * The highest migration in {@code db/migration} (V1, V2, ...). A store already at this version, with
     * every migration successful, opens without starting Flyway, which costs 0.4 s of a cold start to find
     * out that nothing is to do. MigrationOnH2AndPostgresTest keeps this in step with the scripts.
     */
    static final int LATEST_MIGRATION = 10;

    enum Vendor { H2, POSTGRESQL }

    /** The PostgreSQL data source (a connection per call), or null for H2. */
    private final DataSource postgres;
    /** The H2 URL and its current pool, replaced after a failure that may have closed the engine. */
    private final String h2Url;
    private final AtomicReference<JdbcConnectionPool> h2Pool = new AtomicReference<>();
    /** The folder holding the H2 file: its disk is the one that fills up. */
    private final Path h2Folder;
    private final Vendor vendor;
    private final String description;
    private final Place place;
    private final ChangeBus bus;
    private final JdbcGridRepository grids;
    private final JdbcCameraRepository cameras;
    private final JdbcResourceRepository resources;
    private final JdbcCaseRepository cases;
    private final JdbcCaseEventRepository caseEvents;
    private final JdbcAuditRepository audit;
    private final JdbcFeedStore feed;
    private final JdbcEvidenceRepository evidence;
    private final JdbcPlanStore plans;
    private final JdbcHandoverRepository handovers;
    private final JdbcAlarmAckRepository alarmAcks;
    private final JdbcAddressRepository addresses;
    private volatile boolean closed;

    private Database(DataSource postgres, String h2Url, Path h2Folder, Vendor vendor, String description, Place place,
                     ChangeBus bus) {
        this.postgres = postgres;
        this.h2Url = h2Url;
        this.h2Folder = h2Folder;
        if (h2Url != null) {
            h2Pool.set(newPool(h2Url));
        }
        this.vendor = vendor;
        this.description = description;
        this.place = place;
        this.bus = bus;
        this.grids = new JdbcGridRepository(this);
        this.cameras = new JdbcCameraRepository(this);
        this.resources = new JdbcResourceRepository(this);
        this.cases = new JdbcCaseRepository(this);
        this.caseEvents = new JdbcCaseEventRepository(this);
        this.audit = new JdbcAuditRepository(this);
        this.feed = new JdbcFeedStore(this);
        this.evidence = new JdbcEvidenceRepository(this);
        this.plans = new JdbcPlanStore(this);
        this.handovers = new JdbcHandoverRepository(this);
        this.alarmAcks = new JdbcAlarmAckRepository(this);
        this.addresses = new JdbcAddressRepository(this);
    }

    /**
     * Opens (creating if needed) the seat's local database at {@code dataDir/db/gridcommand}, migrating its
     * schema if needed: a new store whose first migration fails is removed, an existing one is copied first
     * and put back when its migration fails (see {@link LocalStoreFiles}).
     */
    public static Database openH2(Path dataDir, ChangeBus bus) {
        Objects.requireNonNull(bus, "bus");
        Path base = dataDir.toAbsolutePath().normalize().resolve("db").resolve("gridcommand");
        LocalStoreFiles files = new LocalStoreFiles(base);
        Path folder = files.folder;
        Place place = new Place(true, folder.toString());
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            Finding finding = FailureDiagnosis.ofFile(e, folder);
            throw new StoreException("cannot create the database folder " + folder, finding.trouble(), place,
                    finding.detail(), e);
        }
        // WRITE_DELAY=0: see the class comment; without it an acknowledged commit can vanish on kill -9.
        String url = "jdbc:h2:file:" + base + ";WRITE_DELAY=0";
        Database db = new Database(null, url, folder, Vendor.H2, "H2 local: " + base, place, bus);
        try {
            files.whileOpening(unguarded -> {
                db.openLocalSchema(files, unguarded);
                return null;
            });
        } catch (RuntimeException e) {
            db.close();
            Finding finding = FailureDiagnosis.ofH2(e, folder);
            String opening = "cannot open the local database at " + base;
            if (finding.trouble() == Trouble.REFUSED) {
                throw new StoreException(opening + ": " + rootMessage(e), e);
            }
            throw new StoreException(opening, finding.trouble(), place, finding.detail(), e);
        }
        numberOldCases(db);
        return db;
    }

    /**
     * Cases stored before V10 get their numbers once (a flag in meta, one key lookup at each later open); a failure
     * closes the store, as a failed migration does.
     */
    private static void numberOldCases(Database db) {
        try {
            CaseNumbers.backfill(db);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** The schema part of {@link #openH2}, run while no other console opens the same folder. */
    private void openLocalSchema(LocalStoreFiles files, IOException unguarded) {
        if (files.interruptedMigrationLeftACopy()) {
            if (unguarded != null) {
                throw new UncheckedIOException("a migration of " + files.file + " was interrupted, and its copy "
                        + "cannot be put back while the folder cannot be written", unguarded);
            }
            files.restoreCopy();
            LOG.log(System.Logger.Level.WARNING, description + ": a schema migration had been interrupted; "
                    + "the store as it was before it is back in place and is migrated again");
        }
        boolean existed = files.storeExists();
        try {
            read("opening the store", c -> null); // in use, full disk, read-only: told before anything is changed
            if (isAtLatestMigration()) {
                return;
            }
            if (!existed) {
                migrate(null);
                return;
            }
        } catch (RuntimeException e) {
            if (!existed && FailureDiagnosis.ofH2(e, files.folder).trouble() != Trouble.IN_USE) {
                // Nothing was stored in it yet; a half-made schema would fail every later start.
                releaseFile();
                files.removeNewStore();
            }
            throw e;
        }
        if (unguarded != null) {
            throw new UncheckedIOException("the schema of " + files.file + " needs a migration, which needs "
                    + "room for a copy of the store beside it", unguarded);
        }
        releaseFile();
        files.copyBeforeMigrating();
        try {
            migrate(null);
        } catch (RuntimeException e) {
            releaseFile();
            try {
                files.restoreCopy();
            } catch (UncheckedIOException notRestored) {
                e.addSuppressed(notRestored);
            }
            throw e;
        }
        files.dropCopy();
    }

    /**
     * Opens a PostgreSQL database, e.g. {@code jdbc:postgresql://host:5432/db}. With a schema, every table
     * lives in it (Flyway creates it if missing); without one the server's default (public) is used.
     * Connections are opened per call: the centre's traffic from one seat is low, and the server's own
     * connection handling is cheap enough on a LAN, so no pool to size or leak.
     */
    public static Database open(String jdbcUrl, String user, String password, String schema, ChangeBus bus) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(bus, "bus");
        if (schema != null && !schema.matches("[a-z_][a-z0-9_]{0,62}")) {
            // Unquoted lower-case only: the name goes into currentSchema and Flyway, which quote differently.
            throw new IllegalArgumentException("schema must be a lower-case SQL identifier, got: " + schema);
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        try {
            ds.setURL(jdbcUrl);
        } catch (IllegalArgumentException e) {
            throw new StoreException("not a PostgreSQL JDBC URL: " + jdbcUrl, e);
        }
        if (user != null) {
            ds.setUser(user);
        }
        if (password != null) {
            ds.setPassword(password);
        }
        if (schema != null) {
            ds.setCurrentSchema(schema);
        }
        ds.setApplicationName("GridCommand");
        ds.setReWriteBatchedInserts(true);
        // Fail fast when the centre is unreachable so the seat can fall back to its local store.
        ds.setConnectTimeout(5);
        StringBuilder where = new StringBuilder();
        String[] hosts = ds.getServerNames();
        int[] ports = ds.getPortNumbers();
        for (int i = 0; i < hosts.length; i++) {
            where.append(i == 0 ? "" : ",").append(hosts[i]);
            if (ports != null && i < ports.length && ports[i] > 0) {
                where.append(':').append(ports[i]);
            }
        }
        where.append('/').append(ds.getDatabaseName());
        if (schema != null) {
            where.append(" (schema ").append(schema).append(')');
        }
        Place place = new Place(false, where.toString());
        Database db = new Database(ds, null, null, Vendor.POSTGRESQL, "PostgreSQL: " + where, place, bus);
        try {
            db.migrate(schema);
        } catch (RuntimeException e) {
            Finding finding = FailureDiagnosis.ofPostgres(e);
            String opening = "cannot open PostgreSQL at " + where;
            if (finding.trouble() == Trouble.REFUSED) {
                throw new StoreException(opening + ": " + rootMessage(e), e);
            }
            throw new StoreException(opening, finding.trouble(), place, finding.detail(), e);
        }
        numberOldCases(db);
        return db;
    }

    private void migrate(String schema) {
        if (isAtLatestMigration()) {
            return;
        }
        FluentConfiguration config = Flyway.configure(Database.class.getClassLoader())
                .dataSource(dataSource())
                .locations(MIGRATIONS);
        if (schema != null) {
            config.schemas(schema);
        }
        try {
            // Flyway's own migration logger is silenced (simplelogger.properties): its warnings are told here.
            for (String warning : config.load().migrate().warnings) {
                LOG.log(System.Logger.Level.WARNING, description + ": " + warning);
            }
        } catch (FlywayException e) {
            throw new StoreException("migrating the schema of " + description + " failed", e);
        }
    }

    /**
     * True when Flyway's history says every migration up to {@link #LATEST_MIGRATION}, and none beyond it,
     * was applied successfully. Anything unexpected (no history yet, a failed or unknown entry, a newer
     * version from a newer console) answers false and leaves the decision, and its messages, to Flyway.
     */
    boolean isAtLatestMigration() {
        try (Connection c = dataSource().getConnection();
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT \"version\", \"success\" FROM \"flyway_schema_history\"")) {
            java.util.BitSet applied = new java.util.BitSet();
            while (rs.next()) {
                String version = rs.getString(1);
                if (version == null) {
                    continue; // the schema-creation marker and repeatable migrations carry no version
                }
                if (!rs.getBoolean(2) || !version.matches("\\d{1,4}")) {
                    return false;
                }
                int v = Integer.parseInt(version);
                if (v > LATEST_MIGRATION) {
                    return false;
                }
                applied.set(v);
            }
            return applied.cardinality() == LATEST_MIGRATION && applied.nextClearBit(1) == LATEST_MIGRATION + 1;
        } catch (SQLException e) {
            return false; // typically: a new store without a history table
        }
    }

    public GridRepository grids() {
        return grids;
    }

    public CameraRepository cameras() {
        return cameras;
    }

    public ResourceRepository resources() {
        return resources;
    }

    public CaseRepository cases() {
        return cases;
    }

    /** The case trail; its lines are written by {@link #cases()} together with each change. */
    public CaseEventRepository caseEvents() {
        return caseEvents;
    }

    public AuditRepository audit() {
        return audit;
    }

    /** The field feed: GPS fixes, duty status changes, sensor alarms, quarantine and message receipts. */
    public FeedStore feed() {
        return feed;
    }

    /** Pictures attached to cases as evidence, each with its EVIDENCE line in the case trail. */
    public EvidenceRepository evidence() {
        return evidence;
    }

    /** Emergency plan runs of this store's cases: steps, notes, notifications (a drill store keeps its own). */
    public PlanStore plans() {
        return plans;
    }

    /** Shift handovers acknowledged at the seats, and the trail read across cases for a shift's report. */
    public HandoverRepository handovers() {
        return handovers;
    }

    /** The alarm centre's acknowledgements (V8). */
    public org.gridcommand.alarm.AlarmAckRepository alarmAcks() {
        return alarmAcks;
    }

    /** The standard address register (V9). */
    public org.gridcommand.address.AddressRepository addresses() {
        return addresses;
    }

    /** True until a district has been stored: the console then offers to load the demo seed. */
    public boolean isEmpty() {
        return read("checking whether the store is empty", c -> {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM district")) {
                rs.next();
                return rs.getLong(1) == 0;
            }
        });
    }

    /** For the status bar, e.g. "H2 local: /home/duty/.gridcommand/db/gridcommand". */
    public String describe() {
        return description;
    }

    public Optional<String> meta(String key) {
        Objects.requireNonNull(key, "key");
        return read("reading meta " + key, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT meta_value FROM meta WHERE meta_key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    public void putMeta(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        write("writing meta " + key, c -> {
            // Update-then-insert instead of MERGE/ON CONFLICT: the two vendors spell upserts differently.
            try (PreparedStatement update = c.prepareStatement("UPDATE meta SET meta_value = ? WHERE meta_key = ?")) {
                update.setString(1, value);
                update.setString(2, key);
                if (update.executeUpdate() > 0) {
                    return null;
                }
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO meta (meta_key, meta_value) VALUES (?, ?)")) {
                insert.setString(1, key);
                insert.setString(2, value);
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void close() {
        JdbcConnectionPool pool;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            pool = h2Pool.get();
        }
        if (pool != null) {
            // Closing the last connection closes the H2 database cleanly (its default DB_CLOSE_DELAY=0).
            pool.dispose();
        }
    }

    Vendor vendor() {
        return vendor;
    }

    /** Runs read-only work in auto-commit mode. */
    <T> T read(String operation, SqlWork<T> work) {
        return withConnection(operation, work);
    }

    /**
     * Runs work in one transaction and returns once it is committed and durable (see the class comment).
     * On failure everything is rolled back and a StoreException naming the operation is thrown.
     */
    <T> T write(String operation, SqlWork<T> work) {
        return withConnection(operation, c -> {
            c.setAutoCommit(false);
            T result;
            try {
                result = work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            } finally {
                restoreAutoCommit(c);
            }
            forceToDisk(c);
            return result;
        });
    }

    private <T> T withConnection(String operation, SqlWork<T> work) {
        for (int attempt = 1; ; attempt++) {
            checkOpen(operation);
            DataSource source = dataSource();
            Connection connection;
            try {
                connection = source.getConnection();
            } catch (SQLException e) {
                StoreException failure = failure(operation, source, e);
                // An H2 engine that closed itself (a full disk) while opening the file stays registered, and the
                // next connection gets its old failure once ("closed", or the old write error), which clears it
                // (measured). No work has run yet, so one more try tells whether the cause is still there.
                if (attempt == 1 && vendor == Vendor.H2 && FailureDiagnosis.suspectsH2Engine(failure.trouble())) {
                    continue;
                }
                throw failure;
            } catch (IllegalStateException disposed) {
                // H2's pool was disposed after it was picked: another thread replaced it, or close() ran.
                if (attempt > 1 || closed || dataSource() == source) {
                    checkOpen(operation);
                    throw disposed;
                }
                continue;
            }
            try (Connection c = connection) {
                return work.run(c);
            } catch (SQLException e) {
                throw failure(operation, source, e);
            }
        }
    }

    private DataSource dataSource() {
        return vendor == Vendor.H2 ? h2Pool.get() : postgres;
    }

    private static JdbcConnectionPool newPool(String url) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        pool.setMaxConnections(8);
        return pool;
    }

    /**
     * Replaces a pool whose H2 engine may have closed itself: its idle connections close now, the ones in use
     * when they are handed back, and the next call opens the file again. Only the first of several threads
     * failing on the same pool replaces it.
     */
    /** Closes the H2 file (every connection of the pool is idle while opening) so it can be copied or replaced. */
    private void releaseFile() {
        JdbcConnectionPool old;
        synchronized (this) {
            old = h2Pool.getAndSet(newPool(h2Url));
        }
        old.dispose();
    }

    private void renewPool(DataSource suspect) {
        JdbcConnectionPool broken;
        synchronized (this) {
            if (closed || h2Pool.get() != suspect) {
                return;
            }
            broken = h2Pool.getAndSet(newPool(h2Url));
        }
        broken.dispose();
    }

    void publish(ChangeEvent event) {
        bus.publish(event);
    }

    private void forceToDisk(Connection c) throws SQLException {
        if (vendor == Vendor.H2) {
            try (Statement st = c.createStatement()) {
                st.execute("CHECKPOINT SYNC");
            }
        }
    }

    private void checkOpen(String operation) {
        if (closed) {
            throw new StoreException(operation + " failed", Trouble.CLOSED, place, "GridCommand closed it", null);
        }
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void restoreAutoCommit(Connection c) {
        try {
            // Pooled H2 connections keep their mode; the next reader expects auto-commit.
            c.setAutoCommit(true);
        } catch (SQLException ignored) {
            // A connection that cannot even do this is broken; the pool drops it on close.
        }
    }

    private StoreException failure(String operation, DataSource source, SQLException e) {
        Finding finding = vendor == Vendor.H2 ? FailureDiagnosis.ofH2(e, h2Folder) : FailureDiagnosis.ofPostgres(e);
        if (vendor == Vendor.H2 && FailureDiagnosis.suspectsH2Engine(finding.trouble())) {
            renewPool(source);
        }
        if (finding.trouble() == Trouble.REFUSED) {
            return new StoreException(operation + " failed: " + finding.detail(), e);
        }
        return new StoreException(operation + " failed", finding.trouble(), place, finding.detail(), e);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return FailureDiagnosis.firstLine(t);
    }
}
