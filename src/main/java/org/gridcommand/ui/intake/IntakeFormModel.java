package org.gridcommand.ui.intake;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.gridcommand.address.AddressMatch;
import org.gridcommand.address.StandardAddress;
import org.gridcommand.cases.CaseReport;
import org.gridcommand.cases.Category;
import org.gridcommand.cases.CategoryDictionary;
import org.gridcommand.cases.Channel;
import org.gridcommand.cases.EmergencyClass;
import org.gridcommand.cases.EmergencyLevel;
import org.gridcommand.cases.FieldProblem;
import org.gridcommand.cases.IntakeService;
import org.gridcommand.cases.Priority;
import org.gridcommand.common.Messages;
import org.gridcommand.common.Ulid;
import org.gridcommand.geo.ChinaDatums;
import org.gridcommand.geo.Datum;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.grid.GridWorker;
import org.gridcommand.grid.LocationAnswer;

/**
 * The hotline form's state: what the officer typed, the report it makes, and every problem with it
 * right now, field by field, from the intake service's own rules plus the form's parse errors. The report
 * id is fixed for the form's life, so a second submit of the same call (a double Enter, a retry after a
 * timeout) finds the first case instead of making another.
 */
public final class IntakeFormModel {
    /** The fields a problem can be shown next to; "other" takes what belongs to none of them. */
    public static final List<String> FIELDS = List.of("category", "lon", "lat", "address", "reporterName",
            "reporterContact", "description", "eventClass", "other");

    private static final Pattern TOO_LONG = Pattern.compile("(\\d+) characters; at most (\\d+) are accepted");
    private static final Pattern PAIR = Pattern.compile("\\s*(-?\\d+(?:\\.\\d+)?)\\s*[,，\\s]\\s*(-?\\d+(?:\\.\\d+)?)\\s*");

    private final IntakeService intake;
    private final IntakePlaces places;
    private final Messages text;
    private final String reportId = "hotline-" + Ulid.next();
    private final Set<String> emergencyMajors;

    private final StringProperty categorySearch = new SimpleStringProperty(this, "categorySearch", "");
    private final ObjectProperty<Category> category = new SimpleObjectProperty<>(this, "category");
    private final StringProperty lon = new SimpleStringProperty(this, "lon", "");
    private final StringProperty lat = new SimpleStringProperty(this, "lat", "");
    private final ObjectProperty<Datum> datum = new SimpleObjectProperty<>(this, "datum", Datum.WGS84);
    private final StringProperty address = new SimpleStringProperty(this, "address", "");
    private final StringProperty reporterName = new SimpleStringProperty(this, "reporterName", "");
    private final StringProperty reporterContact = new SimpleStringProperty(this, "reporterContact", "");
    private final StringProperty description = new SimpleStringProperty(this, "description", "");
    private final ObjectProperty<Priority> priority = new SimpleObjectProperty<>(this, "priority", Priority.NORMAL);
    private final ObjectProperty<EmergencyClass> eventClass = new SimpleObjectProperty<>(this, "eventClass");
    private final ObjectProperty<EmergencyLevel> level = new SimpleObjectProperty<>(this, "level");

    private final FilteredList<Category> matching;
    private final ObservableList<Category> readOnlyMatching;
    private final ReadOnlyBooleanWrapper emergency = new ReadOnlyBooleanWrapper(this, "emergency");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private final ReadOnlyStringWrapper descriptionCount = new ReadOnlyStringWrapper(this, "descriptionCount");
    private final Map<String, ReadOnlyStringWrapper> problems = new LinkedHashMap<>();
    private final ObservableList<AddressMatch> addressMatches = FXCollections.observableArrayList();
    private final ObservableList<AddressMatch> readOnlyAddressMatches =
            FXCollections.unmodifiableObservableList(addressMatches);
    private final ReadOnlyObjectWrapper<StandardAddress> chosenAddress = new ReadOnlyObjectWrapper<>(this, "chosenAddress");
    private final ReadOnlyObjectWrapper<LocationAnswer> location = new ReadOnlyObjectWrapper<>(this, "location");
    private final ReadOnlyStringWrapper locationText = new ReadOnlyStringWrapper(this, "locationText", "");
    private boolean priorityChosen;
    private boolean settingDefault;
    /** True while the form itself writes the address or the point (a choice, a map click): no new search. */
    private boolean placing;

    public IntakeFormModel(IntakeService intake, IntakePlaces places, CategoryDictionary categories, Messages text) {
        this.intake = intake;
        this.places = java.util.Objects.requireNonNull(places, "places");
        this.text = text;
        FIELDS.forEach(f -> problems.put(f, new ReadOnlyStringWrapper(this, f + "Problem", "")));
        // The dictionary carries no "emergency" flag; the major class whose minors default to URGENT (fires,
        // leaks) is the emergencies class, and every minor under it may carry an event class and level.
        this.emergencyMajors = categories.minors().stream()
                .filter(c -> categories.defaultPriority(c.code()) == Priority.URGENT)
                .map(Category::majorCode).collect(Collectors.toSet());
        Locale locale = text.locale();
        List<Category> minors = categories.minors();
        Map<String, String> searchText = new LinkedHashMap<>();
        for (Category c : minors) {
            Category major = categories.find(c.majorCode()).orElse(c);
            searchText.put(c.code(), String.join(" ", c.code(), c.name().zh(), c.name().en(), major.name().zh(),
                    major.name().en()).toLowerCase(Locale.ROOT));
        }
        matching = new FilteredList<>(FXCollections.observableArrayList(minors));
        readOnlyMatching = FXCollections.unmodifiableObservableList(matching);
        categorySearch.addListener((o, was, now) -> {
            String[] words = normalize(now).toLowerCase(locale).split("\\s+");
            matching.setPredicate(c -> {
                String hay = searchText.get(c.code());
                for (String w : words) {
                    if (!w.isEmpty() && !hay.contains(w)) {
                        return false;
                    }
                }
                return true;
            });
        });
        category.addListener((o, was, now) -> {
            boolean isEmergency = now != null && emergencyMajors.contains(now.majorCode());
            emergency.set(isEmergency);
            if (!isEmergency) {
                eventClass.set(null);
                level.set(null);
            }
            if (now != null && !priorityChosen) {
                settingDefault = true;
                try {
                    priority.set(categories.defaultPriority(now.code()));
                } finally {
                    settingDefault = false;
                }
            }
        });
        priority.addListener((o, was, now) -> {
            if (!settingDefault) {
                priorityChosen = true;
            }
        });
        // Coordinates pasted as one "lon, lat" pair (as map apps copy them) are split into the two fields.
        lon.addListener((o, was, now) -> {
            Matcher m = PAIR.matcher(normalize(now));
            if (m.matches()) {
                lat.set(m.group(2));
                lon.set(m.group(1));
            }
        });
        // The address field searches the register as the officer types; what it lists is chosen in the dialog.
        address.addListener((o, was, now) -> {
            if (!placing) {
                // The text changed under the choice: it no longer stands, the list's best match will replace it.
                StandardAddress chosen = chosenAddress.get();
                if (chosen != null && (now == null || !now.equals(chosen.name()))) {
                    chosenAddress.set(null);
                }
                addressMatches.setAll(places.search(normalize(now)));
            }
        });
        for (Observable point : new Observable[] {lon, lat, datum}) {
            point.addListener(o -> relocate());
        }
        Observable[] inputs = {category, lon, lat, datum, address, reporterName, reporterContact, description,
                priority, eventClass, level};
        for (Observable input : inputs) {
            input.addListener(o -> validate());
        }
        relocate();
        validate();
    }

    /**
     * Takes an address of the register: its point becomes the case's (WGS-84), its full name the case's address;
     * the typed text stays as it is so the list does not jump while the officer picks.
     */
    public void chooseAddress(StandardAddress chosen) {
        if (chosen == null || chosen.equals(chosenAddress.get())) {
            return;
        }
        chosenAddress.set(chosen);
        boolean outer = placing;
        placing = true;
        try {
            datum.set(Datum.WGS84);
            lat.set(coordinate(chosen.point().lat()));
            lon.set(coordinate(chosen.point().lon()));
        } finally {
            placing = outer;
        }
        relocate();
        validate();
    }

    /**
     * Starts the form at a point clicked on the map: the point is the case's, and the register's nearest address
     * (within {@link org.gridcommand.address.AddressBook#NEAREST_WITHIN_METRES}) fills the address field.
     */
    public void startAt(GeoPoint wgs84) {
        placing = true;
        try {
            datum.set(Datum.WGS84);
            lat.set(coordinate(wgs84.lat()));
            lon.set(coordinate(wgs84.lon()));
            places.nearest(wgs84).ifPresentOrElse(near -> {
                // Chosen first, so the list showing it does not move the point to the address's own.
                chosenAddress.set(near);
                address.set(near.name());
                addressMatches.setAll(List.of(new AddressMatch(near, 1.0)));
            }, () -> {
                chosenAddress.set(null);
                address.set("");
                addressMatches.clear();
            });
        } finally {
            placing = false;
        }
        relocate();
        validate();
    }

    private static String coordinate(double degrees) {
        return String.format(Locale.ROOT, "%.6f", degrees);
    }

    /** The point as the form stands, in WGS-84, or null while the coordinates are missing or wrong. */
    private GeoPoint point() {
        Double x = number(lon.get());
        Double y = number(lat.get());
        if (x == null || y == null || x.isNaN() || y.isNaN() || Math.abs(x) > 180 || Math.abs(y) > 90) {
            return null;
        }
        try {
            return ChinaDatums.toWgs84(x, y, datum.get() == null ? Datum.WGS84 : datum.get());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Names the grid, its head and the workers on duty for the point, before anything is saved. */
    private void relocate() {
        if (placing) {
            return;
        }
        GeoPoint p = point();
        LocationAnswer answer = p == null ? null : places.locate(p);
        location.set(answer);
        locationText.set(describe(answer));
    }

    private String describe(LocationAnswer answer) {
        if (answer == null) {
            return text.get("intake.location.none");
        }
        Locale locale = text.locale();
        if (!answer.isInside()) {
            return answer.nearest().map(g -> text.format("intake.location.outside",
                    Math.round(answer.distanceMetres()), g.name().in(locale), g.code().value()))
                    .orElse(text.get("intake.location.noDistrict"));
        }
        String grid = text.format("intake.location.grid", answer.smallGrid().name().in(locale),
                answer.smallGrid().code().value());
        String head = answer.head().map(h -> text.format("intake.location.head", h.name().in(locale),
                h.phone() == null ? "" : h.phone())).orElse(text.get("intake.location.noHead"));
        List<GridWorker> onDuty = answer.onDuty();
        String workers = onDuty.isEmpty() ? text.get("intake.location.nobodyOnDuty")
                : text.format("intake.location.onDuty", onDuty.stream().map(w -> w.name().in(locale))
                        .collect(Collectors.joining(text.get("intake.location.separator"))));
        return String.join("  ·  ", grid, head, workers);
    }

    /** The report as the form stands (numbers that do not parse become NaN, which the service names). */
    public CaseReport toReport() {
        Category c = category.get();
        return CaseReport.builder()
                .channel(Channel.HOTLINE)
                .reportId(reportId)
                .categoryCode(c == null ? null : c.code())
                .lon(number(lon.get()))
                .lat(number(lat.get()))
                .datum(datum.get())
                .address(chosenAddress.get() != null ? chosenAddress.get().name() : blankToNull(address.get()))
                .reporterName(blankToNull(reporterName.get()))
                .reporterContact(blankToNull(reporterContact.get()))
                .description(description.get())
                .priority(priority.get())
                .eventClass(eventClass.get())
                .level(level.get())
                .build();
    }

    /** Checks the form now; also shows problems a submit came back with (they replace the current ones). */
    public void validate() {
        int length = description.get() == null ? 0 : description.get().codePointCount(0, description.get().length());
        descriptionCount.set(text.format("intake.description.count", length, IntakeService.MAX_DESCRIPTION));
        // problems() is the service's own rule set run on the report in memory (no store, no I/O), so
        // it runs on every keystroke here and the OK button never lags behind the text.
        showProblems(intake.problems(toReport()));
    }

    public void showProblems(List<FieldProblem> found) {
        Map<String, StringBuilder> byField = new LinkedHashMap<>();
        boolean noPoint = found.stream().anyMatch(p -> p.field().equals("lon") && p.message().equals("required"))
                && found.stream().anyMatch(p -> p.field().equals("lat") && p.message().equals("required"));
        if (noPoint) {
            // Nobody can give coordinates on the phone: say how to get a point, once, at the address.
            byField.put("address", new StringBuilder(text.get("intake.problem.noLocation")));
        }
        for (FieldProblem p : found) {
            if (noPoint && (p.field().equals("lon") || p.field().equals("lat"))) {
                continue;
            }
            String field = fieldOf(p.field());
            StringBuilder sb = byField.computeIfAbsent(field, f -> new StringBuilder());
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(describe(p));
        }
        problems.forEach((field, wrapper) -> wrapper.set(byField.containsKey(field) ? byField.get(field).toString() : ""));
        valid.set(found.isEmpty());
    }

    /** A problem in the officer's language: "Longitude: not a number". */
    public String describe(FieldProblem p) {
        String field = fieldOf(p.field());
        String label = text.get("intake.field." + (field.equals("other") ? "report" : field));
        String m = p.message();
        String words;
        Matcher tooLong = TOO_LONG.matcher(m);
        if (m.equals("required")) {
            words = text.get("intake.problem.required");
        } else if (m.equals("not a number")) {
            words = text.get("intake.problem.notNumber");
        } else if (m.contains("is out of range")) {
            int limit = p.field().equals("lon") ? 180 : 90;
            words = text.format("intake.problem.range", -limit, limit);
        } else if (tooLong.find()) {
            words = text.format("intake.problem.tooLong", Integer.parseInt(tooLong.group(1)),
                    Integer.parseInt(tooLong.group(2)));
        } else if (p.field().equals("eventClass")) {
            words = text.get("intake.problem.classForLevel");
        } else {
            words = m;
        }
        return text.format("intake.problem.line", label, words);
    }

    private static String fieldOf(String serviceField) {
        return switch (serviceField) {
            case "categoryCode" -> "category";
            case "lon", "lat", "address", "reporterName", "reporterContact", "description", "eventClass" -> serviceField;
            case "level" -> "eventClass";
            default -> "other";
        };
    }

    static Double number(String s) {
        String t = normalize(s).strip();
        if (t.isEmpty()) {
            return null;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Full-width digits and signs from a Chinese input method read as the ASCII ones. */
    private static String normalize(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFKC);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public String reportId() {
        return reportId;
    }

    /** The register's best matches for the address typed, best first. */
    public ObservableList<AddressMatch> addressMatches() {
        return readOnlyAddressMatches;
    }

    /** The register address taken (its point is the case's), or null. */
    public ReadOnlyObjectProperty<StandardAddress> chosenAddressProperty() {
        return chosenAddress.getReadOnlyProperty();
    }

    /** Where the point lies and who answers for it, or null without a point. */
    public ReadOnlyObjectProperty<LocationAnswer> locationProperty() {
        return location.getReadOnlyProperty();
    }

    /** The location in the officer's words: grid, grid head, workers on duty (or why there is none). */
    public ReadOnlyStringProperty locationTextProperty() {
        return locationText.getReadOnlyProperty();
    }

    public ObservableList<Category> matchingCategories() {
        return readOnlyMatching;
    }

    public StringProperty categorySearchProperty() {
        return categorySearch;
    }

    public ObjectProperty<Category> categoryProperty() {
        return category;
    }

    public StringProperty lonProperty() {
        return lon;
    }

    public StringProperty latProperty() {
        return lat;
    }

    public ObjectProperty<Datum> datumProperty() {
        return datum;
    }

    public StringProperty addressProperty() {
        return address;
    }

    public StringProperty reporterNameProperty() {
        return reporterName;
    }

    public StringProperty reporterContactProperty() {
        return reporterContact;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public ObjectProperty<Priority> priorityProperty() {
        return priority;
    }

    public ObjectProperty<EmergencyClass> eventClassProperty() {
        return eventClass;
    }

    public ObjectProperty<EmergencyLevel> levelProperty() {
        return level;
    }

    /** True for categories of the emergencies class: event class and level apply. */
    public ReadOnlyBooleanProperty emergencyProperty() {
        return emergency.getReadOnlyProperty();
    }

    /** True when the report would be accepted as it stands. */
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty descriptionCountProperty() {
        return descriptionCount.getReadOnlyProperty();
    }

    /** The problem text shown next to a field of {@link #FIELDS} ("" when none). */
    public ReadOnlyStringProperty problemProperty(String field) {
        ReadOnlyStringWrapper w = problems.get(field);
        if (w == null) {
            throw new IllegalArgumentException("no such form field: " + field);
        }
        return w.getReadOnlyProperty();
    }
}
