package org.gridcommand.ui.intake;

import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.gridcommand.address.AddressMatch;
import org.gridcommand.address.StandardAddress;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseReport;
import org.gridcommand.cases.Category;
import org.gridcommand.cases.CategoryDictionary;
import org.gridcommand.cases.DuplicateCandidate;
import org.gridcommand.cases.EmergencyClass;
import org.gridcommand.cases.EmergencyLevel;
import org.gridcommand.cases.IntakeRejected;
import org.gridcommand.cases.IntakeResult;
import org.gridcommand.cases.IntakeService;
import org.gridcommand.geo.Datum;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.fx.FxThread;
import org.gridcommand.ui.shared.Choice;
import org.gridcommand.ui.shared.Choices;
import org.gridcommand.ui.shared.Dialogs;
import org.gridcommand.ui.shared.CaseTexts;

/**
 * The hotline intake form (12345 calls typed in by the duty officer). Checks as the officer types, each
 * problem beside its field, OK disabled until none remains; submits off the FX thread. A possible
 * duplicate is answered in the same dialog: merge into one of the open cases near it, or create anyway.
 * The dialog's result is the intake's answer: the case created, merged into, or found again.
 *
 * <p>Keys: type to search the category, Up/Down pick among the matches, Tab moves on (also out of the
 * description), Enter or Ctrl+Enter submits, Esc cancels.
 */
public final class IntakeDialog extends Dialog<IntakeResult> {
    private final IntakeFormModel form;
    private final IntakeService intake;
    private final CaseTexts texts;
    private final TextField categorySearch = new TextField();
    private final ListView<Category> categoryList = new ListView<>();
    private final TextField lon = new TextField();
    private final TextField lat = new TextField();
    private final ComboBox<Choice<Datum>> datum = new ComboBox<>();
    private final TextField address = new TextField();
    private final ListView<AddressMatch> addressList = new ListView<>();
    private final Label locationLine = new Label();
    private final TextField reporterName = new TextField();
    private final TextField reporterContact = new TextField();
    private final TextArea description = new TextArea();
    private final ComboBox<Choice<org.gridcommand.cases.Priority>> priority = new ComboBox<>();
    private final ComboBox<Choice<EmergencyClass>> eventClass = new ComboBox<>();
    private final ComboBox<Choice<EmergencyLevel>> level = new ComboBox<>();
    private final Label status = new Label();
    private final VBox formPane;
    private final VBox duplicatePane = new VBox(8);
    private final ListView<DuplicateChoice> duplicates = new ListView<>();
    private final Button ok;
    private boolean busy;
    private CaseReport pendingDuplicate;

    /** A line of the duplicate question: merge into a case (aCase != null), create anyway, or back to the form. */
    public record DuplicateChoice(Case aCase, boolean back, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    public IntakeDialog(IntakeService intake, IntakePlaces places, CategoryDictionary categories, CaseTexts texts,
                        Node near) {
        this.intake = intake;
        this.texts = texts;
        this.form = new IntakeFormModel(intake, places, categories, texts.messages());
        Dialogs.prepare(this, near);
        setTitle(texts.get("intake.title"));
        setHeaderText(texts.get("intake.header"));
        getDialogPane().setId("intake-dialog");
        getDialogPane().setPrefWidth(1140);

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(120);
        ColumnConstraints controls = new ColumnConstraints();
        controls.setMinWidth(560);
        controls.setHgrow(Priority.ALWAYS);
        ColumnConstraints problems = new ColumnConstraints(220, 300, 420);
        grid.getColumnConstraints().setAll(labels, controls, problems);

        int row = 0;
        categorySearch.setId("intake-category-search");
        categorySearch.setPromptText(texts.get("intake.category.prompt"));
        categorySearch.textProperty().bindBidirectional(form.categorySearchProperty());
        addRow(grid, row++, "category", categorySearch, problemLabel("category"));
        categoryList.setId("intake-category-list");
        categoryList.setItems(form.matchingCategories());
        categoryList.setPrefHeight(118);
        categoryList.setFocusTraversable(false);
        categoryList.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Category item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : texts.categoryPath(item.code()) + "  (" + item.code() + ")");
            }
        });
        grid.add(categoryList, 1, row++);
        categoryList.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> form.categoryProperty().set(b));
        form.matchingCategories().addListener((javafx.collections.ListChangeListener<Category>) c -> keepCategoryInList());
        categorySearch.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.UP) {
                move(categoryList, e.getCode() == KeyCode.DOWN ? 1 : -1);
                e.consume();
            }
        });

        // The caller is found by address (the register), or by a click on the map; coordinates are the last resort.
        address.setId("intake-address");
        address.setPromptText(texts.get("intake.address.prompt"));
        address.textProperty().bindBidirectional(form.addressProperty());
        addRow(grid, row++, "address", address, problemLabel("address"));
        addressList.setId("intake-address-list");
        addressList.setItems(form.addressMatches());
        addressList.setPrefHeight(104);
        addressList.setFocusTraversable(false);
        addressList.setPlaceholder(new Label(texts.get("intake.address.none")));
        addressList.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(AddressMatch item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : texts.format("intake.address.match", item.address().name(),
                        texts.get("address.kind." + item.address().kind().name()), item.percent()));
            }
        });
        grid.add(addressList, 1, row++);
        addressList.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                form.chooseAddress(b.address());
            }
        });
        form.addressMatches().addListener((javafx.collections.ListChangeListener<AddressMatch>) c -> keepAddressInList());
        address.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.UP) {
                move(addressList, e.getCode() == KeyCode.DOWN ? 1 : -1);
                e.consume();
            }
        });
        locationLine.setId("intake-location");
        locationLine.getStyleClass().add("intake-location");
        locationLine.setWrapText(true);
        locationLine.textProperty().bind(form.locationTextProperty());
        grid.add(locationLine, 1, row++, 2, 1);

        reporterName.setId("intake-reporter-name");
        reporterName.setPromptText(texts.get("intake.field.reporterName"));
        reporterName.textProperty().bindBidirectional(form.reporterNameProperty());
        reporterContact.setId("intake-reporter-contact");
        reporterContact.setPromptText(texts.get("intake.field.reporterContact"));
        reporterContact.textProperty().bindBidirectional(form.reporterContactProperty());
        HBox.setHgrow(reporterName, Priority.ALWAYS);
        addRow(grid, row++, "caller", inline(reporterName, inlineLabel("reporterContact", reporterContact),
                reporterContact), stacked(problemLabel("reporterName"), problemLabel("reporterContact")));
        description.setId("intake-description");
        description.setWrapText(true);
        description.setPrefRowCount(3);
        description.textProperty().bindBidirectional(form.descriptionProperty());
        Label count = new Label();
        count.setId("intake-description-count");
        count.getStyleClass().add("hint");
        count.textProperty().bind(form.descriptionCountProperty());
        addRow(grid, row++, "description", new VBox(2, description, count), problemLabel("description"));
        // A TextArea keeps Tab as a character; in a form Tab must move on like everywhere else.
        description.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB && !e.isControlDown()) {
                e.consume();
                (e.isShiftDown() ? reporterContact : priority).requestFocus();
            }
        });
        priority.setId("intake-priority");
        List<Choice<org.gridcommand.cases.Priority>> priorities = new ArrayList<>();
        for (org.gridcommand.cases.Priority p : org.gridcommand.cases.Priority.values()) {
            priorities.add(new Choice<>(p, texts.get("priority." + p.name())));
        }
        priority.getItems().setAll(priorities);
        Choices.bind(priority, form.priorityProperty());
        priority.setPrefWidth(120);
        eventClass.setId("intake-event-class");
        eventClass.getItems().add(new Choice<>(null, texts.get("intake.none")));
        for (EmergencyClass c : EmergencyClass.values()) {
            eventClass.getItems().add(new Choice<>(c, texts.get("emergency.class." + c.name())));
        }
        Choices.bind(eventClass, form.eventClassProperty());
        eventClass.setPrefWidth(200);
        eventClass.disableProperty().bind(form.emergencyProperty().not());
        level.setId("intake-level");
        level.getItems().add(new Choice<>(null, texts.get("intake.none")));
        for (EmergencyLevel l : EmergencyLevel.values()) {
            level.getItems().add(new Choice<>(l, texts.get("emergency.level." + l.name())));
        }
        Choices.bind(level, form.levelProperty());
        level.setPrefWidth(190);
        level.disableProperty().bind(form.emergencyProperty().not());
        addRow(grid, row++, "priority", inline(priority, inlineLabel("eventClass", eventClass), eventClass,
                inlineLabel("level", level), level), problemLabel("eventClass"));
        lon.setId("intake-lon");
        lon.setPromptText("113.58");
        lon.setPrefWidth(130);
        lon.setMinWidth(110);
        lon.textProperty().bindBidirectional(form.lonProperty());
        lat.setId("intake-lat");
        lat.setPromptText("22.36");
        lat.setPrefWidth(130);
        lat.setMinWidth(110);
        lat.textProperty().bindBidirectional(form.latProperty());
        datum.setId("intake-datum");
        datum.getItems().setAll(new Choice<>(Datum.WGS84, texts.get("intake.datum.WGS84")),
                new Choice<>(Datum.GCJ02, texts.get("intake.datum.GCJ02")),
                new Choice<>(Datum.BD09, texts.get("intake.datum.BD09")));
        Choices.bind(datum, form.datumProperty());
        datum.setPrefWidth(210);
        // Last in the form and in the Tab order: coordinates are for the rare caller who reads them off a phone.
        addRow(grid, row++, "location", inline(inlineLabel("lon", lon), lon, inlineLabel("lat", lat), lat,
                inlineLabel("datum", datum), datum), stacked(problemLabel("lon"), problemLabel("lat")));
        Label other = problemLabel("other");
        grid.add(other, 0, row++, 3, 1);

        status.setId("intake-status");
        status.setWrapText(true);
        formPane = new VBox(8, grid);
        formPane.setPadding(new Insets(8, 4, 4, 4));
        formPane.managedProperty().bind(formPane.visibleProperty());

        duplicates.setId("intake-duplicates");
        duplicates.setPrefHeight(200);
        Label dupHeader = new Label(texts.get("intake.duplicate.header"));
        dupHeader.setId("intake-duplicate-header");
        dupHeader.setWrapText(true);
        dupHeader.getStyleClass().add("intake-warning");
        duplicatePane.getChildren().addAll(dupHeader, duplicates);
        duplicatePane.setPadding(new Insets(8, 4, 4, 4));
        duplicatePane.setVisible(false);
        duplicatePane.managedProperty().bind(duplicatePane.visibleProperty());

        status.setPadding(new Insets(0, 4, 0, 4));
        getDialogPane().setContent(new VBox(formPane, duplicatePane, status));
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Dialogs.labelButtons(this, texts);
        ok = (Button) getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("intake-ok");
        ok.setText(texts.get("intake.submit"));
        ok.disableProperty().bind(form.validProperty().not());
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            // Submitting goes to the store: the dialog stays open until the answer is back.
            e.consume();
            submit();
        });
        getDialogPane().addEventFilter(KeyEvent.KEY_PRESSED, this::enterSubmits);
        setResultConverter(button -> null);
        Platform.runLater(categorySearch::requestFocus);
    }

    public IntakeFormModel form() {
        return form;
    }

    private void addRow(GridPane grid, int row, String labelKey, Node control, Node problem) {
        Label label = new Label(texts.get("intake.field." + labelKey));
        label.setLabelFor(control instanceof Control c ? c : control instanceof javafx.scene.Parent p
                && !p.getChildrenUnmodifiable().isEmpty() ? p.getChildrenUnmodifiable().get(0) : control);
        grid.add(label, 0, row);
        grid.add(control, 1, row);
        grid.add(problem, 2, row);
    }

    private Label inlineLabel(String field, Node control) {
        Label label = new Label(texts.get("intake.field." + field));
        label.setLabelFor(control);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static HBox inline(Node... nodes) {
        HBox box = new HBox(8, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        for (Node n : nodes) {
            if (n instanceof Region r && !(n instanceof TextField)) {
                // Labels and choosers keep their width; only free text fields give way.
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        return box;
    }

    private static VBox stacked(Node... nodes) {
        return new VBox(2, nodes);
    }

    private Label problemLabel(String field) {
        Label problem = new Label();
        problem.setId("intake-problem-" + field);
        problem.getStyleClass().add("input-problem");
        problem.setWrapText(true);
        problem.textProperty().bind(form.problemProperty(field));
        return problem;
    }

    /** Typing narrows the list; the choice stays if it still matches, else the first match is taken. */
    private void keepCategoryInList() {
        Category chosen = categoryList.getSelectionModel().getSelectedItem();
        if (chosen != null && form.matchingCategories().contains(chosen)) {
            categoryList.getSelectionModel().select(chosen);
            return;
        }
        if (form.matchingCategories().isEmpty()) {
            categoryList.getSelectionModel().clearSelection();
        } else if (!form.categorySearchProperty().get().isBlank()) {
            categoryList.getSelectionModel().select(0);
            categoryList.scrollTo(0);
        } else {
            categoryList.getSelectionModel().clearSelection();
        }
    }

    /** Up/Down in a search field move the choice in the list under it, which keeps the choice in view. */
    private static void move(ListView<?> list, int step) {
        int size = list.getItems().size();
        if (size == 0) {
            return;
        }
        int at = list.getSelectionModel().getSelectedIndex();
        int next = at < 0 ? 0 : Math.max(0, Math.min(size - 1, at + step));
        list.getSelectionModel().select(next);
        list.scrollTo(Math.max(0, next - 2));
    }

    /**
     * The best match is taken as the officer types (its grid shows at once); Up/Down take another. A choice still in
     * the list (a map click's nearest address) stays chosen.
     */
    private void keepAddressInList() {
        StandardAddress chosen = form.chosenAddressProperty().get();
        for (int i = 0; i < form.addressMatches().size(); i++) {
            if (form.addressMatches().get(i).address().equals(chosen)) {
                addressList.getSelectionModel().select(i);
                return;
            }
        }
        if (form.addressMatches().isEmpty()) {
            addressList.getSelectionModel().clearSelection();
        } else {
            addressList.getSelectionModel().select(0);
            addressList.scrollTo(0);
            form.chooseAddress(form.addressMatches().get(0).address());
        }
    }

    /** Starts the form at a point clicked on the map (the nearest register address fills the address field). */
    public void startAt(GeoPoint wgs84) {
        form.startAt(wgs84);
        keepAddressInList();
    }

    private void enterSubmits(KeyEvent e) {
        if (e.getCode() != KeyCode.ENTER) {
            return;
        }
        Node focus = getDialogPane().getScene() == null ? null : getDialogPane().getScene().getFocusOwner();
        boolean newlineWanted = focus instanceof TextArea && !e.isControlDown();
        boolean popupOpen = focus instanceof ComboBox<?> box && box.isShowing();
        if (newlineWanted || popupOpen || focus instanceof Button) {
            return;
        }
        e.consume();
        if (!ok.isDisabled()) {
            ok.fire();
        }
    }

    // ---------------------------------------------------------------- submitting

    private void submit() {
        if (busy) {
            return;
        }
        if (pendingDuplicate != null) {
            decideDuplicate();
            return;
        }
        CaseReport report = form.toReport();
        run(() -> intake.submit(report), report);
    }

    private void run(java.util.concurrent.Callable<IntakeResult> call, CaseReport report) {
        busy = true;
        formPane.setDisable(true);
        duplicatePane.setDisable(true);
        status.getStyleClass().remove("input-problem");
        status.setText(texts.get("intake.saving"));
        FxThread.background(call, result -> {
            busy = false;
            formPane.setDisable(false);
            duplicatePane.setDisable(false);
            status.setText("");
            if (result.outcome() == IntakeResult.Outcome.POSSIBLE_DUPLICATE) {
                askAboutDuplicates(report, result.duplicates());
            } else {
                setResult(result);
                close();
            }
        }, error -> {
            busy = false;
            formPane.setDisable(false);
            duplicatePane.setDisable(false);
            if (error instanceof IntakeRejected rejected) {
                status.setText("");
                if (pendingDuplicate != null) {
                    // The case to merge into has left the queue meanwhile, or the report went stale: back to the form.
                    backToForm();
                }
                form.showProblems(rejected.problems());
            } else {
                System.getLogger(IntakeDialog.class.getName()).log(System.Logger.Level.WARNING, "intake failed", error);
                status.getStyleClass().add("input-problem");
                status.setText(texts.format("intake.failed", String.valueOf(error.getMessage())));
            }
        });
    }

    private void askAboutDuplicates(CaseReport report, List<DuplicateCandidate> candidates) {
        pendingDuplicate = report;
        List<DuplicateChoice> choices = new ArrayList<>();
        for (DuplicateCandidate d : candidates) {
            Case c = d.aCase();
            choices.add(new DuplicateChoice(c, false, texts.format("intake.duplicate.merge", texts.number(c),
                    texts.categoryName(c.categoryCode()), texts.gridName(c), texts.distance(d.distanceMetres()),
                    texts.duration(d.apart()), texts.get("state." + c.state().name()))));
        }
        choices.add(new DuplicateChoice(null, false, texts.get("intake.duplicate.create")));
        choices.add(new DuplicateChoice(null, true, texts.get("intake.duplicate.back")));
        duplicates.getItems().setAll(choices);
        duplicates.getSelectionModel().select(0);
        formPane.setVisible(false);
        duplicatePane.setVisible(true);
        ok.disableProperty().unbind();
        ok.disableProperty().bind(duplicates.getSelectionModel().selectedItemProperty().isNull());
        ok.setText(texts.get("intake.duplicate.confirm"));
        getDialogPane().getScene().getWindow().sizeToScene();
        duplicates.requestFocus();
    }

    private void decideDuplicate() {
        DuplicateChoice choice = duplicates.getSelectionModel().getSelectedItem();
        if (choice == null) {
            return;
        }
        CaseReport report = pendingDuplicate;
        if (choice.back()) {
            backToForm();
        } else if (choice.aCase() == null) {
            run(() -> intake.createAnyway(report), report);
        } else {
            String target = choice.aCase().id();
            run(() -> intake.mergeInto(target, report), report);
        }
    }

    private void backToForm() {
        pendingDuplicate = null;
        duplicatePane.setVisible(false);
        formPane.setVisible(true);
        ok.disableProperty().unbind();
        ok.disableProperty().bind(form.validProperty().not());
        ok.setText(texts.get("intake.submit"));
        getDialogPane().getScene().getWindow().sizeToScene();
        categorySearch.requestFocus();
    }

    /** The duplicate question's list (empty until a submit finds one). */
    public ListView<DuplicateChoice> duplicateChoices() {
        return duplicates;
    }
}
