package org.gridcommand.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gridcommand.common.Ulid;
import org.gridcommand.duty.ActorKind;
import org.gridcommand.duty.DutyService;
import org.gridcommand.duty.Operator;
import org.gridcommand.duty.Role;
import org.gridcommand.geo.ChinaDatums;
import org.gridcommand.geo.Datum;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.grid.LocateService;
import org.gridcommand.grid.LocationAnswer;

/**
 * The one door every channel uses to put a report in the queue (field feed, hotline form, sensors, video
 * analytics). It refuses bad reports field by field and stores nothing then; converts the point to WGS-84
 * and locates it on the grid (a point outside the district is kept and flagged, never refused); is
 * idempotent by the channel's report id, also when two submits race (the store's unique index decides);
 * and will not silently create a case next to an open case of the same major category: the caller is told
 * and chooses {@link #createAnyway} or {@link #mergeInto}. Merged reports are kept whole on the case.
 */
public final class IntakeService {
    public static final int MAX_DESCRIPTION = 2_000;
    public static final int MAX_ADDRESS = 200;
    public static final int MAX_ATTACHMENTS = 5;
    public static final long MAX_ATTACHMENT_BYTES = 10L * 1024 * 1024;
    /** Clocks of phones and sensors drift; a little ahead is tolerated, more is a wrong clock or a typo. */
    public static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(2);
    /** A field report id is the sender id, "/", and the message id: 64 + 1 + 64 characters at most. */
    private static final int MAX_REPORT_ID = 200;
    private static final int MAX_NAME = 200;
    private static final int MAX_CONTACT = 100;

    private final CaseRepository cases;
    private final CategoryDictionary categories;
    private final LocateService locator;
    private final DutyService duty;
    private final IntakeSettings settings;
    private final Clock clock;

    /** duty may be null where no seat is involved (a headless feed); then every line names the reporter. */
    public IntakeService(CaseRepository cases, CategoryDictionary categories, LocateService locator, DutyService duty,
                         IntakeSettings settings, Clock clock) {
        this.cases = Objects.requireNonNull(cases, "cases");
        this.categories = Objects.requireNonNull(categories, "categories");
        this.locator = Objects.requireNonNull(locator, "locator");
        this.duty = duty;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Submits a report: CREATED, ALREADY_RECEIVED (same report id seen before) or POSSIBLE_DUPLICATE.
     *
     * @throws IntakeRejected when a field is missing or wrong; nothing is stored
     */
    public IntakeResult submit(CaseReport report) {
        Instant receivedAt = clock.instant();
        validate(report, receivedAt);
        Optional<Case> seen = alreadyReceived(report);
        if (seen.isPresent()) {
            return new IntakeResult(IntakeResult.Outcome.ALREADY_RECEIVED, seen.get(), List.of(), null);
        }
        LocationAnswer where = locate(report);
        Instant reportedAt = reportedAt(report, receivedAt);
        List<DuplicateCandidate> near = duplicatesOf(report, where.point(), reportedAt);
        if (!near.isEmpty()) {
            // A twin submit of this very report may have created its case since the check above.
            Optional<Case> twin = alreadyReceived(report);
            if (twin.isPresent()) {
                return new IntakeResult(IntakeResult.Outcome.ALREADY_RECEIVED, twin.get(), List.of(), null);
            }
            return new IntakeResult(IntakeResult.Outcome.POSSIBLE_DUPLICATE, null, near, where);
        }
        return create(report, where, receivedAt, null, reportStamp(report));
    }

    /**
     * Creates the case even though it may duplicate an open case: the officer on duty looked and decided, so the
     * REPORT line is theirs (the reporter's when nobody is signed on).
     */
    public IntakeResult createAnyway(CaseReport report) {
        return createAnyway(report, null);
    }

    /**
     * Creates the case even though it may duplicate an open case because a rule says so (the field feed never
     * holds a report back: no officer is there to decide). The REPORT line stays the reporter's and names the
     * rule; whoever happens to be signed on at the seat had no part in it.
     */
    public IntakeResult createAnywayByRule(CaseReport report, String rule) {
        return createAnyway(report, Objects.requireNonNull(rule, "rule"));
    }

    private IntakeResult createAnyway(CaseReport report, String rule) {
        Instant receivedAt = clock.instant();
        validate(report, receivedAt);
        Optional<Case> seen = alreadyReceived(report);
        if (seen.isPresent()) {
            return new IntakeResult(IntakeResult.Outcome.ALREADY_RECEIVED, seen.get(), List.of(), null);
        }
        String decision = "created although it may duplicate an open case" + (rule == null ? "" : " (" + rule + ")");
        Stamp stamp = rule == null ? decisionStamp(report) : reporterStamp(report);
        return create(report, locate(report), receivedAt, decision, stamp);
    }

    /**
     * Keeps the report on an existing case as a duplicate, with a line in its trail.
     *
     * @throws IntakeRejected when the report is bad or the case does not exist; nothing is stored
     */
    public IntakeResult mergeInto(String caseId, CaseReport report) {
        return mergeInto(caseId, report, null);
    }

    /**
     * Merges by a rule (the field feed folds a sensor's repeat alarm into its open case): the MERGE_REPORT line is
     * the reporter's and names the rule.
     */
    public IntakeResult mergeIntoByRule(String caseId, CaseReport report, String rule) {
        return mergeInto(caseId, report, Objects.requireNonNull(rule, "rule"));
    }

    private IntakeResult mergeInto(String caseId, CaseReport report, String rule) {
        Instant receivedAt = clock.instant();
        validate(report, receivedAt);
        Optional<Case> seen = alreadyReceived(report);
        if (seen.isPresent()) {
            return new IntakeResult(IntakeResult.Outcome.ALREADY_RECEIVED, seen.get(), List.of(), null);
        }
        Case target = caseId == null ? null : cases.findById(caseId).orElse(null);
        if (target == null) {
            throw new IntakeRejected(List.of(new FieldProblem("caseId", "no case " + caseId + " to merge into")));
        }
        try {
            // A closed or voided case left the queue: a new report about it is a new case.
            CaseStateMachine.check(target, CaseAction.MERGE_REPORT);
        } catch (TransitionRefused e) {
            throw new IntakeRejected(List.of(new FieldProblem("caseId", e.getMessage())));
        }
        LocationAnswer where = locate(report);
        CaseReport kept = report.reportedAt() != null ? report
                : report.toBuilder().reportedAt(receivedAt).build();
        MergedReport merged = new MergedReport(Ulid.next(), target.id(), receivedAt, kept);
        Stamp stamp = rule == null ? decisionStamp(report) : reporterStamp(report);
        String note = "merged report " + (report.reportId() != null ? report.reportId() : merged.id())
                + " from " + report.channel() + (report.reportedBy() != null ? " (" + report.reportedBy() + ")" : "")
                + (rule == null ? "" : " by rule (" + rule + ")") + via(report) + ": " + report.description().strip();
        CaseEvent event = new CaseEvent(Ulid.next(), target.id(), receivedAt, stamp.name, stamp.role,
                CaseAction.MERGE_REPORT, target.state(), target.state(), abbreviate(note, 1_000), stamp.kind);
        try {
            cases.mergeReport(merged, event);
        } catch (ReportIdTaken e) {
            return new IntakeResult(IntakeResult.Outcome.ALREADY_RECEIVED,
                    cases.findByReportId(report.reportId()).orElseThrow(() -> e), List.of(), null);
        }
        Case after = cases.findById(target.id()).orElse(target);
        return new IntakeResult(IntakeResult.Outcome.MERGED, after, List.of(), where);
    }

    /** Reports merged into the case, oldest first. */
    public List<MergedReport> mergedReports(String caseId) {
        return cases.findMergedReports(caseId);
    }

    public IntakeSettings settings() {
        return settings;
    }

    // ---------------------------------------------------------------- validation

    /** Every problem with the report as of now, empty when it would be accepted (for a form that checks as you type). */
    public List<FieldProblem> problems(CaseReport report) {
        try {
            validate(report, clock.instant());
            return List.of();
        } catch (IntakeRejected e) {
            return e.problems();
        }
    }

    /** @throws IntakeRejected with every problem found */
    private void validate(CaseReport report, Instant receivedAt) {
        if (report == null) {
            throw new IntakeRejected(List.of(new FieldProblem("report", "no report given")));
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (report.channel() == null) {
            problems.add(new FieldProblem("channel", "required"));
        }
        String code = report.categoryCode();
        if (code == null || code.isBlank()) {
            problems.add(new FieldProblem("categoryCode", "required"));
        } else {
            Optional<Category> category = categories.find(code.strip());
            if (category.isEmpty()) {
                problems.add(new FieldProblem("categoryCode", "unknown category " + code));
            } else if (category.get().isMajor()) {
                problems.add(new FieldProblem("categoryCode", code + " (" + category.get().name().en()
                        + ") is a major class: choose one of its minor classes"));
            }
        }
        coordinate(problems, "lon", report.lon(), 180);
        coordinate(problems, "lat", report.lat(), 90);
        if (report.description() == null || report.description().isBlank()) {
            problems.add(new FieldProblem("description", "required"));
        } else {
            maxLength(problems, "description", report.description(), MAX_DESCRIPTION);
        }
        maxLength(problems, "address", report.address(), MAX_ADDRESS);
        maxLength(problems, "reportId", report.reportId(), MAX_REPORT_ID);
        if (report.reportId() != null && report.reportId().isBlank()) {
            problems.add(new FieldProblem("reportId", "blank; leave it out when the channel has no report id"));
        }
        maxLength(problems, "reporterName", report.reporterName(), MAX_NAME);
        maxLength(problems, "reporterContact", report.reporterContact(), MAX_CONTACT);
        maxLength(problems, "reportedBy", report.reportedBy(), MAX_NAME);
        if (report.reportedAt() != null && report.reportedAt().isAfter(receivedAt.plus(FUTURE_TOLERANCE))) {
            problems.add(new FieldProblem("reportedAt", report.reportedAt() + " is in the future (received at "
                    + receivedAt + "; at most " + FUTURE_TOLERANCE.toMinutes() + " minutes ahead is accepted)"));
        }
        List<Attachment> attachments = report.attachments();
        if (attachments.size() > MAX_ATTACHMENTS) {
            problems.add(new FieldProblem("attachments", attachments.size() + " attachments; at most "
                    + MAX_ATTACHMENTS + " are accepted"));
        }
        for (int i = 0; i < attachments.size(); i++) {
            Attachment a = attachments.get(i);
            if (a == null) {
                problems.add(new FieldProblem("attachments[" + i + "]", "empty entry"));
            } else if (a.sizeBytes() > MAX_ATTACHMENT_BYTES) {
                problems.add(new FieldProblem("attachments[" + i + "]", a.name() + " is "
                        + String.format(java.util.Locale.ROOT, "%.1f", a.sizeBytes() / 1048576.0)
                        + " MB; at most " + MAX_ATTACHMENT_BYTES / 1048576 + " MB is accepted"));
            } else if (a.name().isBlank()) {
                problems.add(new FieldProblem("attachments[" + i + "]", "the file name is required"));
            }
        }
        if (report.level() != null && report.eventClass() == null) {
            problems.add(new FieldProblem("eventClass", "required when a level is given"));
        }
        if (!problems.isEmpty()) {
            throw new IntakeRejected(problems);
        }
    }

    private static void coordinate(List<FieldProblem> problems, String field, Double value, double limit) {
        if (value == null) {
            problems.add(new FieldProblem(field, "required"));
        } else if (!Double.isFinite(value)) {
            problems.add(new FieldProblem(field, "not a number"));
        } else if (value < -limit || value > limit) {
            problems.add(new FieldProblem(field, value + " is out of range (-" + (int) limit + " to " + (int) limit + ")"));
        }
    }

    private static void maxLength(List<FieldProblem> problems, String field, String value, int max) {
        if (value != null) {
            int length = value.codePointCount(0, value.length());
            if (length > max) {
                problems.add(new FieldProblem(field, length + " characters; at most " + max + " are accepted"));
            }
        }
    }

    // ---------------------------------------------------------------- steps

    private Optional<Case> alreadyReceived(CaseReport report) {
        return report.reportId() == null ? Optional.empty() : cases.findByReportId(report.reportId().strip());
    }

    private LocationAnswer locate(CaseReport report) {
        Datum datum = report.datum() == null ? Datum.WGS84 : report.datum();
        GeoPoint wgs84;
        try {
            wgs84 = ChinaDatums.toWgs84(report.lon(), report.lat(), datum);
        } catch (IllegalArgumentException e) {
            // Only at the very edge of the range can a conversion leave it; name the fields all the same.
            throw new IntakeRejected(List.of(new FieldProblem("lon", e.getMessage()),
                    new FieldProblem("lat", e.getMessage())));
        }
        return locator.locate(wgs84);
    }

    private static Instant reportedAt(CaseReport report, Instant receivedAt) {
        return report.reportedAt() != null ? report.reportedAt() : receivedAt;
    }

    private List<DuplicateCandidate> duplicatesOf(CaseReport report, GeoPoint point, Instant reportedAt) {
        Category category = categories.find(report.categoryCode().strip()).orElseThrow();
        String major = category.isMajor() ? category.code() : category.majorCode();
        Duration window = settings.duplicateWindow();
        List<DuplicateCandidate> near = new ArrayList<>();
        for (Case open : cases.findOpenInMajorReportedBetween(major, reportedAt.minus(window), reportedAt.plus(window))) {
            if (open.location() == null) {
                continue;
            }
            double metres = open.location().distanceMetres(point);
            if (metres <= settings.duplicateDistanceMetres()) {
                near.add(new DuplicateCandidate(open, metres, Duration.between(open.reportedAt(), reportedAt).abs()));
            }
        }
        near.sort(Comparator.comparingDouble(DuplicateCandidate::distanceMetres)
                .thenComparing(d -> d.apart()));
        return near;
    }

    private IntakeResult create(CaseReport report, LocationAnswer where, Instant receivedAt, String decision,
                                Stamp stamp) {
        String code = report.categoryCode().strip();
        Priority priority = report.priority() != null ? report.priority() : categories.defaultPriority(code);
        Instant reportedAt = reportedAt(report, receivedAt);
        String reportedBy = report.reportedBy() != null ? report.reportedBy() : report.reporterName();
        Case aCase = Case.builder()
                .id(Ulid.next())
                .channel(report.channel())
                .reportId(report.reportId() == null ? null : report.reportId().strip())
                .categoryCode(code)
                .location(where.point())
                .smallGridCode(where.small().map(g -> g.code().value()).orElse(null))
                .outsideDistrict(!where.isInside())
                .address(blankToNull(report.address()))
                .reportedBy(reportedBy)
                .reporterName(blankToNull(report.reporterName()))
                .reporterContact(blankToNull(report.reporterContact()))
                .description(report.description().strip())
                .attachments(report.attachments())
                .priority(priority)
                .eventClass(report.eventClass())
                .level(report.level())
                .state(CaseState.REPORTED)
                .reportedAt(reportedAt)
                .build();
        List<String> notes = new ArrayList<>();
        if (decision != null) {
            notes.add(decision);
        }
        if (!where.isInside()) {
            notes.add("outside the district" + where.nearest()
                    .map(g -> String.format(java.util.Locale.ROOT, ", %.0f m from grid %s", where.distanceMetres(), g.code()))
                    .orElse(""));
        }
        if (report.receivedVia() != null && !report.receivedVia().isBlank()) {
            notes.add("received via " + report.receivedVia().strip());
        }
        String note = notes.isEmpty() ? null : abbreviate(String.join("; ", notes), 1_000);
        CaseEvent event = new CaseEvent(Ulid.next(), aCase.id(), receivedAt, stamp.name, stamp.role,
                CaseAction.REPORT, null, CaseState.REPORTED, note, stamp.kind);
        Case stored;
        try {
            stored = cases.create(aCase, event);
        } catch (ReportIdTaken e) {
            // Lost the race to another submit of the same report: answer with the case it made.
            return new IntakeResult(IntakeResult.Outcome.ALREADY_RECEIVED,
                    cases.findByReportId(e.reportId()).orElseThrow(() -> e), List.of(), null);
        }
        return new IntakeResult(IntakeResult.Outcome.CREATED, stored, List.of(), where);
    }

    /** Who a trail line names: an officer (with role) or a reporter / the system (kind, no role). */
    private record Stamp(String name, Role role, ActorKind kind) {
        static Stamp officer(Operator o) {
            return new Stamp(o.name(), o.role(), ActorKind.OFFICER);
        }
    }

    /**
     * The hotline and the duty desk are typed in by the operator on duty, so the line is theirs; a report
     * from the field, a sensor or a camera is the reporter's own.
     */
    private Stamp reportStamp(CaseReport report) {
        Optional<Operator> operator = operator();
        if (operator.isPresent() && (report.channel() == Channel.HOTLINE || report.channel() == Channel.DUTY_OFFICER)) {
            return Stamp.officer(operator.get());
        }
        return reporterStamp(report);
    }

    /** Creating despite a duplicate, or merging, is an operator's decision when one is on duty. */
    private Stamp decisionStamp(CaseReport report) {
        return operator().map(Stamp::officer).orElseGet(() -> reporterStamp(report));
    }

    private static Stamp reporterStamp(CaseReport report) {
        String name = report.reportedBy() != null && !report.reportedBy().isBlank() ? report.reportedBy()
                : report.reporterName() != null && !report.reporterName().isBlank() ? report.reporterName()
                : report.channel().name();
        // The trail's operator column holds at most 64 characters.
        return new Stamp(abbreviate(name.strip(), 64), null, reporterKind(report.channel()));
    }

    /** What kind of actor a report's own line names when no officer typed it in. */
    private static ActorKind reporterKind(Channel channel) {
        return switch (channel) {
            case GRID_WORKER -> ActorKind.WORKER;
            case SENSOR -> ActorKind.SENSOR;
            case VIDEO_ANALYTICS -> ActorKind.VIDEO;
            case HOTLINE -> ActorKind.HOTLINE;
            // The duty desk's own report with nobody signed on: only the program can have made it.
            case DUTY_OFFICER -> ActorKind.SYSTEM;
        };
    }

    private static String via(CaseReport report) {
        return report.receivedVia() == null || report.receivedVia().isBlank() ? ""
                : " via " + report.receivedVia().strip();
    }

    private Optional<Operator> operator() {
        return duty == null ? Optional.empty() : duty.onDuty();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
