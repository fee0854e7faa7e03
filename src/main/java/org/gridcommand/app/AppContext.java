package org.gridcommand.app;

import java.nio.file.Path;
import org.gridcommand.alarm.AlarmService;
import org.gridcommand.alarm.AlarmSettings;
import org.gridcommand.evidence.EvidenceService;
import org.gridcommand.plans.LogNotificationChannel;
import org.gridcommand.plans.PlanLibrary;
import org.gridcommand.plans.PlanService;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.gridcommand.camera.Camera;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseService;
import org.gridcommand.cases.CategoryDepartments;
import org.gridcommand.cases.CategoryDictionary;
import org.gridcommand.cases.DispatchAdvisor;
import org.gridcommand.cases.IntakeService;
import org.gridcommand.cases.IntakeSettings;
import org.gridcommand.sla.SlaEngine;
import org.gridcommand.common.ChangeBus;
import org.gridcommand.common.DistrictTime;
import org.gridcommand.common.Messages;
import org.gridcommand.demo.DemoSeeder;
import org.gridcommand.directory.DepartmentDirectory;
import org.gridcommand.directory.Resource;
import org.gridcommand.duty.DutyService;
import org.gridcommand.grid.District;
import org.gridcommand.grid.LocateService;
import org.gridcommand.search.GridSummaryService;
import org.gridcommand.search.SearchService;
import org.gridcommand.camera.CameraStatusBoard;
import org.gridcommand.feed.FeedStore;
import org.gridcommand.feed.track.ShiftTable;
import org.gridcommand.handover.HandoverBuilder;
import org.gridcommand.handover.HandoverService;
import org.gridcommand.handover.HandoverSettings;
import org.gridcommand.report.MonthlyReportBuilder;
import org.gridcommand.report.MonthlyReportWriter;
import org.gridcommand.stats.StatsService;
import org.gridcommand.store.Database;
import org.gridcommand.store.JdbcStatsRepository;

/**
 * The composition root: opens the store, loads the dictionaries and the district, and hands the services to
 * whichever front end runs (console window, CLI command). No JavaFX here, so the CLI can use it too. Views get
 * their services and ports from here, never the {@link Database} itself; {@link #database()} is for the CLI,
 * the demo seeding and tests.
 */
public final class AppContext implements AutoCloseable {
    private final Database database;
    private final ChangeBus changes;
    private final CategoryDictionary categories;
    private final DepartmentDirectory departments;
    private final District district;
    private final List<Camera> cameras;
    private final List<Resource> resources;
    private final DutyService duty;
    private final Messages messages;
    private final Clock clock;
    private Path dataDir;
    private final boolean drill;
    private final PlanService plans;
    private final EvidenceService evidence;
    private final LocateService locateService;
    private final SearchService searchService;
    private final GridSummaryService gridSummaries;
    private final CaseService caseService;
    private final IntakeService intake;
    private final DispatchAdvisor dispatchAdvisor;
    private final SlaEngine sla;
    private final OverdueWatch overdueWatch;
    /** Made on first use: they read shipped files (CAP category map, statistics settings, safety index). */
    private CaseCapExport capExport;
    private StatsService stats;

    private AppContext(Database database, ChangeBus changes, CategoryDictionary categories,
                       DepartmentDirectory departments, Messages messages, Clock clock, boolean drill) {
        this.drill = drill;
        this.database = database;
        this.changes = changes;
        this.categories = categories;
        this.departments = departments;
        this.messages = messages;
        this.clock = clock;
        this.district = database.grids().loadDistrict()
                .orElseThrow(() -> new IllegalStateException("the store holds no district"));
        this.cameras = database.cameras().findAll();
        this.resources = database.resources().findAll();
        this.duty = new DutyService(database.audit(), clock);
        // Duty status changes during the shift: the locator reads the roster from the store on each answer.
        this.locateService = new LocateService(district, () -> database.grids().findWorkers());
        this.searchService = new SearchService(district, cameras, this::todaysQueue);
        this.gridSummaries = new GridSummaryService(district, cameras, this::todaysQueue);
        this.plans = new PlanService(PlanLibrary.loadDefault(categories, departments), database.plans(), database.cases(),
                duty, clock, new LogNotificationChannel(), this::exportCapFile,
                drill ? PlanService.Mode.DRILL : PlanService.Mode.LIVE);
        this.caseService = new CaseService(database.cases(), database.caseEvents(), duty, clock, plans.closeGuard());
        this.evidence = new EvidenceService(database.evidence(), duty, clock, DistrictTime.ZONE);
        this.intake = new IntakeService(database.cases(), categories, locateService, duty,
                IntakeSettings.loadDefault(), clock);
        this.dispatchAdvisor = new DispatchAdvisor(() -> database.grids().findWorkers(),
                CategoryDepartments.loadDefault(categories, departments), departments);
        this.sla = SlaEngine.loadDefault(categories);
        this.overdueWatch = new OverdueWatch(listener -> new OverdueEscalation(database.cases(),
                database.caseEvents(), sla, clock, DistrictTime.ZONE, listener), OverdueWatch.FIRST_SCAN_DELAY,
                OverdueEscalation.SCAN_PERIOD);
    }

    /** Opens the embedded store in dataDir, seeding the demo district on first use. */
    public static AppContext openDemo(Path dataDir, Locale locale, Clock clock) {
        ChangeBus changes = new ChangeBus();
        Database database = Database.openH2(dataDir, changes);
        try {
            CategoryDictionary categories = CategoryDictionary.loadDefault();
            DemoSeeder.seedIfNeeded(database, categories, clock);
            AppContext context = new AppContext(database, changes, categories, DepartmentDirectory.loadDefault(),
                    Messages.forLocale(locale), clock, false);
            context.dataDir = dataDir;
            return context;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Marks a drill's store: its value is the scenario id. */
    public static final String META_DRILL = "drill.scenario";

    /**
     * A drill's own store in {@code drillDir}, never the live one: the live seat's district (with its workers),
     * cameras and resources are copied in, no cases; every record is stamped by {@code clock} (the drill clock).
     * The store is marked as a drill, so exports from it say Exercise and nothing reads it as live data.
     */
    public static AppContext openDrill(Path drillDir, AppContext live, String scenarioId, Clock clock) {
        ChangeBus changes = new ChangeBus();
        Database database = Database.openH2(drillDir, changes);
        try {
            if (database.meta(META_DRILL).isEmpty()) {
                database.grids().replaceDistrict(live.district());
                database.cameras().saveAll(live.cameras());
                database.resources().saveAll(live.resources());
                database.putMeta(META_DRILL, scenarioId);
            }
            AppContext context = new AppContext(database, changes, live.categories(), live.departments(),
                    live.messages(), clock, true);
            context.dataDir = drillDir;
            return context;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private AlarmService alarms;
    private org.gridcommand.address.AddressBook addresses;

    /**
     * The standard address register for the intake's address search and the map's click (read from the store on
     * first use, again after an import: a change event "address").
     */
    public synchronized org.gridcommand.address.AddressBook addresses() {
        if (addresses == null) {
            org.gridcommand.address.AddressBook book = new org.gridcommand.address.AddressBook(
                    database.addresses()::findAll);
            changes.subscribe(e -> {
                if ("address".equals(e.entity())) {
                    book.invalidate();
                }
            });
            addresses = book;
        }
        return addresses;
    }

    /** The alarm centre's acknowledgements and rules (read from assets on first use, off the start's path). */
    public synchronized AlarmService alarms() {
        if (alarms == null) {
            alarms = new AlarmService(database.alarmAcks(), duty, clock,
                    AlarmSettings.loadDefault());
        }
        return alarms;
    }

    /** Emergency plans of this store's cases (Exercise CAP alerts in a drill). */
    public PlanService plans() {
        return plans;
    }

    /** Pictures attached to cases (video snapshots). */
    public EvidenceService evidence() {
        return evidence;
    }

    /** The plan step "export CAP": the case as a CAP file in {@code <data dir>/cap/}; returns the file. */
    private String exportCapFile(Case c, boolean exercise) {
        Path dir = (dataDir != null ? dataDir : Path.of(System.getProperty("java.io.tmpdir"))).resolve("cap");
        try {
            java.nio.file.Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        return capExport().write(c, dir.resolve(CaseCapExport.fileName(c))).toString();
    }

    /** Cases as CAP 1.2 alerts (Exercise in a drill). The first call reads the CAP category map: not on the FX thread. */
    public synchronized CaseCapExport capExport() {
        if (capExport == null) {
            capExport = CaseCapExport.forContext(this);
        }
        return capExport;
    }

    /**
     * The queue's CAP export (P): the case as the store holds it now, written to {@code target}; returns the file.
     * Reads the store and writes a file: not on the FX thread.
     */
    public Path exportCap(String caseId, Path target) {
        return capExport().write(caseService.get(caseId), target);
    }

    /**
     * Statistics over this store with the shipped settings (dashboard, case-density layer). The first call reads
     * the settings and the safety index rules: not on the FX thread.
     */
    public synchronized StatsService stats() {
        if (stats == null) {
            stats = StatsService.withDefaults(JdbcStatsRepository.of(database), sla, categories, district, clock);
        }
        return stats;
    }

    /** The monthly report (月报) over this store: a new writer, its figures from the statistics. */
    public MonthlyReportWriter monthlyReport() {
        return new MonthlyReportWriter(new MonthlyReportBuilder(JdbcStatsRepository.of(database), sla, categories,
                district, clock));
    }

    /**
     * The shift handover over this store, the console's camera board and the shipped shift and policy files
     * (read now).
     */
    public HandoverService handoverService(CameraStatusBoard cameraStatus) {
        HandoverBuilder builder = new HandoverBuilder(new HandoverBuilder.Sources(database.cases(),
                database.plans()::findByCase, database.handovers(), cameras, cameraStatus::snapshot,
                () -> database.grids().findWorkers(), database.feed()::lastFix, locateService.locator()),
                sla, categories, HandoverSettings.loadDefault());
        return new HandoverService(builder, database.handovers(), database.audit(), duty, ShiftTable.loadDefault(),
                clock, DistrictTime.ZONE);
    }

    /**
     * Overdue escalation as the application runs it: a console holds the watch while it is open, the notice
     * strip subscribes to what it escalates. Stopped for good when this context closes.
     */
    public OverdueWatch overdueWatch() {
        return overdueWatch;
    }

    /** The field feed's store port (quarantine, tracks, patrol coverage). */
    public FeedStore feedStore() {
        return database.feed();
    }

    /** Where the store is, in words for the status bar ("H2 file …", "PostgreSQL …"). */
    public String storeDescription() {
        return database.describe();
    }

    /** True for a drill's store (see {@link #openDrill}). */
    public boolean isDrill() {
        return drill;
    }

    /** Open cases plus everything reported since the district's local midnight. */
    public List<Case> todaysQueue() {
        Instant midnight = clock.instant().atZone(DistrictTime.ZONE).toLocalDate().atStartOfDay(DistrictTime.ZONE).toInstant();
        return database.cases().findOpenOrReportedSince(midnight);
    }

    /**
     * The same cases as {@link #todaysQueue()}, as the queue table loads them: two indexed queries (open states;
     * reported since midnight) instead of one "state in … or reported since" that H2 answers by scanning every
     * case of the three years: ~15 times faster on the demo store, and the queue is what the officer waits for.
     * Newest first.
     */
    public List<Case> queueCases() {
        Instant now = clock.instant();
        Instant midnight = now.atZone(DistrictTime.ZONE).toLocalDate().atStartOfDay(DistrictTime.ZONE).toInstant();
        var repository = database.cases();
        java.util.Map<String, Case> byId = new java.util.LinkedHashMap<>();
        for (Case c : repository.findOpen()) {
            byId.put(c.id(), c);
        }
        // Reports may carry a time a little ahead of this seat's clock; a day ahead takes them all.
        for (Case c : repository.findReportedBetween(midnight, now.plus(java.time.Duration.ofDays(1)))) {
            byId.putIfAbsent(c.id(), c);
        }
        List<Case> all = new java.util.ArrayList<>(byId.values());
        all.sort(java.util.Comparator.comparing(Case::reportedAt).reversed()
                .thenComparing(Case::id, java.util.Comparator.reverseOrder()));
        return all;
    }

    /** The seat's data folder (store, tiles.json), or null when the store is not a local folder. */
    public Path dataDir() {
        return dataDir;
    }

    public Database database() {
        return database;
    }

    public ChangeBus changes() {
        return changes;
    }

    public CategoryDictionary categories() {
        return categories;
    }

    public DepartmentDirectory departments() {
        return departments;
    }

    public District district() {
        return district;
    }

    public List<Camera> cameras() {
        return cameras;
    }

    public List<Resource> resources() {
        return resources;
    }

    public LocateService locateService() {
        return locateService;
    }

    public SearchService searchService() {
        return searchService;
    }

    public GridSummaryService gridSummaries() {
        return gridSummaries;
    }

    public CaseService caseService() {
        return caseService;
    }

    public IntakeService intake() {
        return intake;
    }

    public DispatchAdvisor dispatchAdvisor() {
        return dispatchAdvisor;
    }

    public SlaEngine sla() {
        return sla;
    }

    public DutyService duty() {
        return duty;
    }

    public Messages messages() {
        return messages;
    }

    public Clock clock() {
        return clock;
    }

    public ZoneId zone() {
        return DistrictTime.ZONE;
    }

    @Override
    public void close() {
        // The escalation first: a scan writing a trail line finishes before the store goes.
        overdueWatch.close();
        database.close();
    }
}
