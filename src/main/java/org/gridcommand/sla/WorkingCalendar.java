package org.gridcommand.sla;

import org.gridcommand.common.AssetJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gridcommand.common.AssetLocator;

/**
 * The centre's working calendar: its working hours and, per year, the public holidays and make-up working
 * days (调休上班) the State Council publishes each November. Both are data under {@code assets/calendar/}
 * ({@code working-hours.json} and one {@code cn-YYYY.json} per year) because a district may keep other hours
 * and the holiday arrangement changes every year.
 *
 * <p>Working time counts only inside the working periods of working days; a start outside them begins at the
 * next working period. A working day is {@link #workingDayLength()} of working time, so "1 working day" from
 * Monday 10:00 ends Tuesday 10:00 when both are working days. Asking about a year without a file throws
 * {@link MissingCalendarYearException} rather than guessing, because a wrong guess would silently move
 * deadlines across a Spring Festival.
 */
public final class WorkingCalendar {
    public static final String DIRECTORY_ASSET = "calendar";
    public static final String HOURS_FILE = "working-hours.json";
    private static final Pattern YEAR_FILE = Pattern.compile("cn-(\\d{4})\\.json");

    /** One stretch of working time within a day, from inclusive to exclusive. */
    public record Period(LocalTime from, LocalTime to) {
        public Period {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (!from.isBefore(to)) {
                throw new IllegalArgumentException("period must end after it starts: " + from + "-" + to);
            }
        }

        public Duration length() {
            return Duration.between(from, to);
        }
    }

    /** What a year file says about itself; provisional years are estimates awaiting the official notice. */
    public record CalendarYear(int year, boolean provisional, String source, String note) {
    }

    private final ZoneId zone;
    private final List<Period> periods;
    private final Set<DayOfWeek> workingWeekdays;
    private final Map<Integer, CalendarYear> years;
    private final Map<LocalDate, String> holidays;
    private final Map<LocalDate, String> makeUpDays;
    private final Duration dayLength;

    private WorkingCalendar(ZoneId zone, List<Period> periods, Set<DayOfWeek> workingWeekdays,
                            Map<Integer, CalendarYear> years, Map<LocalDate, String> holidays,
                            Map<LocalDate, String> makeUpDays) {
        this.zone = zone;
        this.periods = List.copyOf(periods);
        this.workingWeekdays = Collections.unmodifiableSet(EnumSet.copyOf(workingWeekdays));
        this.years = Collections.unmodifiableMap(new TreeMap<>(years));
        this.holidays = Map.copyOf(holidays);
        this.makeUpDays = Map.copyOf(makeUpDays);
        this.dayLength = periods.stream().map(Period::length).reduce(Duration.ZERO, Duration::plus);
    }

    /** Loads {@code assets/calendar/}. */
    public static WorkingCalendar loadDefault() {
        return load(AssetLocator.resolve(DIRECTORY_ASSET));
    }

    /** Loads working-hours.json and every cn-YYYY.json in the folder; a broken file is refused as a whole. */
    public static WorkingCalendar load(Path directory) {
        Path hoursFile = directory.resolve(HOURS_FILE);
        if (!Files.isRegularFile(hoursFile)) {
            throw new IllegalArgumentException(HOURS_FILE + ": not found in " + directory.toAbsolutePath());
        }
        String hoursName = HOURS_FILE;
        JsonNode hours = AssetJson.readObject(hoursFile);
        String where = hoursName + ": ";
        ZoneId zone;
        String zoneText = AssetJson.text(hours, "zone", where);
        try {
            zone = ZoneId.of(zoneText);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(where + "unknown time zone \"" + zoneText + "\"");
        }
        Set<DayOfWeek> weekdays = readWeekdays(hours, where);
        List<Period> periods = readPeriods(hours, hoursName);

        List<Path> yearFiles;
        try (Stream<Path> files = Files.list(directory)) {
            yearFiles = files.filter(p -> YEAR_FILE.matcher(String.valueOf(p.getFileName())).matches())
                    .sorted(Comparator.comparing(p -> String.valueOf(p.getFileName())))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory.toAbsolutePath(), e);
        }
        if (yearFiles.isEmpty()) {
            throw new IllegalArgumentException("no year files (cn-YYYY.json) in " + directory.toAbsolutePath());
        }
        Map<Integer, CalendarYear> years = new HashMap<>();
        Map<LocalDate, String> holidays = new HashMap<>();
        Map<LocalDate, String> makeUp = new HashMap<>();
        Map<LocalDate, String> definedIn = new HashMap<>();
        for (Path file : yearFiles) {
            readYear(file, weekdays, years, holidays, makeUp, definedIn);
        }
        return new WorkingCalendar(zone, periods, weekdays, years, holidays, makeUp);
    }

    private static Set<DayOfWeek> readWeekdays(JsonNode hours, String where) {
        JsonNode list = hours.get("weekdays");
        if (list == null) {
            return EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        }
        if (!list.isArray() || list.isEmpty()) {
            throw new IllegalArgumentException(where + "\"weekdays\" must be a non-empty array such as [\"MONDAY\", ...]");
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (JsonNode d : list) {
            try {
                days.add(DayOfWeek.valueOf(d.asText().trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + "unknown weekday \"" + d.asText() + "\"");
            }
        }
        return days;
    }

    private static List<Period> readPeriods(JsonNode hours, String name) {
        JsonNode list = AssetJson.array(hours, "periods", name + ": ");
        if (list.isEmpty()) {
            throw new IllegalArgumentException(name + ": \"periods\" is empty: the centre needs working hours");
        }
        List<Period> periods = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String where = name + ": periods entry " + (i + 1) + ": ";
            JsonNode e = list.get(i);
            LocalTime from = time(e, "from", where);
            LocalTime to = time(e, "to", where);
            if (!from.isBefore(to)) {
                throw new IllegalArgumentException(where + "ends at " + to + ", not after its start " + from);
            }
            if (!periods.isEmpty() && from.isBefore(periods.get(periods.size() - 1).to())) {
                throw new IllegalArgumentException(where + "starts at " + from
                        + ", before the previous period ends: list periods in order, without overlap");
            }
            periods.add(new Period(from, to));
        }
        return periods;
    }

    private static LocalTime time(JsonNode e, String field, String where) {
        String text = AssetJson.text(e, field, where);
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException ex) {
            throw new IllegalArgumentException(where + "\"" + field + "\" is not a time (HH:MM): " + text);
        }
    }

    private static void readYear(Path file, Set<DayOfWeek> weekdays, Map<Integer, CalendarYear> years,
                                 Map<LocalDate, String> holidays, Map<LocalDate, String> makeUp,
                                 Map<LocalDate, String> definedIn) {
        String name = String.valueOf(file.getFileName());
        Matcher m = YEAR_FILE.matcher(name);
        if (!m.matches()) {
            throw new IllegalStateException("not a year file: " + name);
        }
        int year = Integer.parseInt(m.group(1));
        JsonNode root = AssetJson.readObject(file);
        String where = name + ": ";
        JsonNode y = root.get("year");
        if (y == null || !y.canConvertToInt() || y.asInt() != year) {
            throw new IllegalArgumentException(where + "\"year\" must be " + year + " to match the file name");
        }
        boolean provisional = root.path("provisional").asBoolean(false);
        String source = AssetJson.text(root, "source", where);
        String note = AssetJson.optionalText(root, "note");
        if (provisional && note == null) {
            throw new IllegalArgumentException(where + "a provisional year needs a \"note\" saying what was estimated");
        }

        JsonNode list = AssetJson.array(root, "holidays", where);
        for (int i = 0; i < list.size(); i++) {
            JsonNode e = list.get(i);
            String at = name + ": holidays entry " + (i + 1) + ": ";
            String holiday = AssetJson.text(e, "name", at);
            LocalDate from = date(e, "from", at);
            LocalDate to = e.hasNonNull("to") ? date(e, "to", at) : from;
            if (to.isBefore(from)) {
                throw new IllegalArgumentException(at + "\"to\" " + to + " is before \"from\" " + from);
            }
            if (from.getYear() != year || to.getYear() != year) {
                throw new IllegalArgumentException(at + from + ".." + to + " is not in " + year);
            }
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                String earlier = definedIn.putIfAbsent(d, name);
                if (earlier != null) {
                    throw new IllegalArgumentException(at + d + " is already listed (in " + earlier + ")");
                }
                holidays.put(d, holiday);
            }
        }

        JsonNode work = AssetJson.array(root, "workdays", where);
        for (int i = 0; i < work.size(); i++) {
            JsonNode e = work.get(i);
            String at = name + ": workdays entry " + (i + 1) + ": ";
            LocalDate d = date(e, "date", at);
            // A notice may name a make-up day in the December before (the 2019 notice did).
            if (d.getYear() != year && !(d.getYear() == year - 1 && d.getMonthValue() == 12)) {
                throw new IllegalArgumentException(at + d + " is not in " + year + " (or the December before)");
            }
            if (weekdays.contains(d.getDayOfWeek())) {
                throw new IllegalArgumentException(at + d + " is a " + d.getDayOfWeek()
                        + ", already a working day: a make-up working day falls on a weekend");
            }
            String earlier = definedIn.putIfAbsent(d, name);
            if (earlier != null) {
                throw new IllegalArgumentException(at + d + " is already listed (in " + earlier + ")");
            }
            String holiday = AssetJson.optionalText(e, "for");
            makeUp.put(d, holiday == null ? "" : holiday);
        }
        years.put(year, new CalendarYear(year, provisional, source, note));
    }

    private static LocalDate date(JsonNode e, String field, String where) {
        String text = AssetJson.text(e, field, where);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException ex) {
            throw new IllegalArgumentException(where + "\"" + field + "\" is not a date (YYYY-MM-DD): " + text);
        }
    }

    public ZoneId zone() {
        return zone;
    }

    public List<Period> periods() {
        return periods;
    }

    public Set<DayOfWeek> workingWeekdays() {
        return workingWeekdays;
    }

    /** Working time in one full working day (7 h for 08:30-12:00 and 14:00-17:30). */
    public Duration workingDayLength() {
        return dayLength;
    }

    /** The years with a calendar file, in order. */
    public List<CalendarYear> years() {
        return List.copyOf(years.values());
    }

    public Optional<CalendarYear> year(int year) {
        return Optional.ofNullable(years.get(year));
    }

    /** @throws MissingCalendarYearException when the day's year has no calendar file */
    public boolean isWorkingDay(LocalDate day) {
        requireYear(day.getYear());
        if (holidays.containsKey(day)) {
            return false;
        }
        return makeUpDays.containsKey(day) || workingWeekdays.contains(day.getDayOfWeek());
    }

    /** The holiday's name when the day is a public holiday (or part of its bridged break). */
    public Optional<String> holidayName(LocalDate day) {
        requireYear(day.getYear());
        return Optional.ofNullable(holidays.get(day));
    }

    /** True for a weekend day that is worked to make up for a holiday (调休上班). */
    public boolean isMakeUpWorkday(LocalDate day) {
        requireYear(day.getYear());
        return makeUpDays.containsKey(day);
    }

    public Instant addWorkingHours(Instant start, long hours) {
        return addWorkingTime(start, Duration.ofHours(hours));
    }

    public Instant addWorkingDays(Instant start, long days) {
        return addWorkingTime(start, dayLength.multipliedBy(days));
    }

    /**
     * The instant when {@code amount} of working time has passed since {@code start}. A result that lands
     * exactly on the end of a period stays there (due at 12:00, not at 14:00).
     */
    public Instant addWorkingTime(Instant start, Duration amount) {
        Objects.requireNonNull(start, "start");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("working time must not be negative: " + amount);
        }
        if (amount.isZero()) {
            return start;
        }
        Duration remaining = amount;
        for (LocalDate day = start.atZone(zone).toLocalDate(); ; day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            for (Period p : periods) {
                Instant periodEnd = at(day, p.to());
                Instant from = later(at(day, p.from()), start);
                if (!from.isBefore(periodEnd)) {
                    continue;
                }
                Duration available = Duration.between(from, periodEnd);
                if (remaining.compareTo(available) <= 0) {
                    return from.plus(remaining);
                }
                remaining = remaining.minus(available);
            }
        }
    }

    /** Working time inside [from, to); zero when to is not after from. */
    public Duration workingTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            for (Period p : periods) {
                Instant a = later(at(day, p.from()), from);
                Instant b = earlier(at(day, p.to()), to);
                if (a.isBefore(b)) {
                    total = total.plus(Duration.between(a, b));
                }
            }
        }
        return total;
    }

    /** The first instant at or after {@code t} that is working time. */
    public Instant nextWorkingMoment(Instant t) {
        for (LocalDate day = t.atZone(zone).toLocalDate(); ; day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            for (Period p : periods) {
                Instant from = later(at(day, p.from()), t);
                if (from.isBefore(at(day, p.to()))) {
                    return from;
                }
            }
        }
    }

    private void requireYear(int year) {
        if (!years.containsKey(year)) {
            throw new MissingCalendarYearException(year);
        }
    }

    private Instant at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(zone).toInstant();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
