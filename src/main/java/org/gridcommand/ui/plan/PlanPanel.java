package org.gridcommand.ui.plan;

import java.time.Instant;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.gridcommand.common.Messages;
import org.gridcommand.plans.Answer;
import org.gridcommand.plans.PlanStep;
import org.gridcommand.plans.StepKind;
import org.gridcommand.plans.StepStatus;

/**
 * The emergency-plan checklist of the selected case, in type big enough to read from the back of the room: the
 * plan and its level with who leads it, progress, then phase by phase each step with its role, required mark,
 * deadline timer (overdue in red and in words), who did it when, answers, notes and outcomes. With no plan
 * running it offers the suggested one in one action. Keys while it has the focus: ↑↓ step, Space/Enter do or
 * run (Enter on the offer activates it), Y/N answer, T note, L raise level, O override (shift supervisor), Esc
 * cancel. A is not a key here: in the queue A accepts a case, and one key must not mean two things.
 */
public final class PlanPanel extends VBox {
    private static final PseudoClass OVERDUE = PseudoClass.getPseudoClass("overdue");
    private static final PseudoClass DONE = PseudoClass.getPseudoClass("done");
    private static final PseudoClass INACTIVE = PseudoClass.getPseudoClass("inactive");
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    private final PlanPanelModel model;
    private final ListView<PlanRow> steps = new ListView<>();
    private final TextField promptField = new TextField();
    /** Set by a key that opens the prompt line: its own typed character must not land in the field. */
    private boolean swallowTyped;

    /** The placeholder of a console whose plans are not wired: it says plainly that no plan is running. */
    public PlanPanel(Messages text) {
        this.model = null;
        setId("plan-panel");
        getStyleClass().add("plan-panel");
        setAlignment(Pos.CENTER);
        setSpacing(10);
        Label state = new Label(text.get("plan.none"));
        state.getStyleClass().add("plan-none");
        Label hint = new Label(text.get("plan.notYet"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        getChildren().addAll(state, hint);
    }

    public PlanPanel(PlanPanelModel model) {
        this.model = model;
        Messages text = model.text();
        setId("plan-panel");
        getStyleClass().addAll("plan-panel", "plan-panel-live");
        getStylesheets().add(PlanPanel.class.getResource("plan.css").toExternalForm());
        setSpacing(6);
        setFillWidth(true);

        // Header of a running plan.
        Label title = bound(new Label(), "plan-title", "plan-title");
        title.textProperty().bind(model.titleProperty());
        title.setWrapText(true);
        Label level = bound(new Label(), "plan-level", "plan-level");
        level.textProperty().bind(model.levelTextProperty());
        Button raise = new Button();
        raise.setId("plan-raise");
        raise.getStyleClass().add("plan-button");
        raise.textProperty().bind(model.raiseTextProperty());
        raise.disableProperty().bind(model.canRaiseProperty().not().or(model.busyProperty()));
        raise.setOnAction(e -> model.startRaise());
        raise.setFocusTraversable(false);
        Button override = new Button(text.get("plan.override"));
        override.setId("plan-override");
        override.getStyleClass().add("plan-button");
        override.visibleProperty().bind(model.canOverrideProperty());
        override.managedProperty().bind(override.visibleProperty());
        override.setOnAction(e -> model.startOverride());
        override.setFocusTraversable(false);
        level.setMinWidth(Region.USE_PREF_SIZE);
        raise.setMinWidth(Region.USE_PREF_SIZE);
        override.setMinWidth(Region.USE_PREF_SIZE);
        // Two rows, not four: name and level, then progress and the two actions, so the checklist keeps its room.
        title.setMinWidth(0);
        HBox titleRow = new HBox(12, title, level);
        titleRow.setAlignment(Pos.CENTER_LEFT);
        Label lead = bound(new Label(), "plan-level-lead", "plan-meta");
        lead.textProperty().bind(model.levelLeadProperty());
        lead.setWrapText(true);
        Label progress = bound(new Label(), "plan-progress", "plan-progress");
        progress.textProperty().bind(model.progressProperty());
        progress.pseudoClassStateChanged(ERROR, false);
        model.overdueCountProperty().addListener((o, a, b) -> progress.pseudoClassStateChanged(ERROR, b.intValue() > 0));
        Label activation = bound(new Label(), "plan-activation", "plan-meta");
        activation.textProperty().bind(model.activationProperty());
        Label overrideLine = bound(new Label(), "plan-override-line", "plan-override-line");
        overrideLine.textProperty().bind(model.overrideLineProperty());
        overrideLine.setWrapText(true);
        overrideLine.managedProperty().bind(overrideLine.textProperty().isNotEmpty());
        overrideLine.visibleProperty().bind(overrideLine.managedProperty());
        progress.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox progressRow = new HBox(10, progress, spacer, raise, override);
        progressRow.setAlignment(Pos.CENTER_LEFT);
        activation.setMinWidth(0);
        titleRow.getChildren().add(activation);
        VBox header = new VBox(4, titleRow, progressRow, lead, overrideLine);
        header.setId("plan-header");
        header.getStyleClass().add("plan-header");
        showWhen(header, PlanPanelModel.View.RUNNING);

        // The offer when no plan runs.
        Label offer = bound(new Label(), "plan-suggestion-text", "plan-suggestion-text");
        offer.textProperty().bind(model.suggestionTextProperty());
        offer.setWrapText(true);
        Label reason = bound(new Label(), "plan-suggestion-reason", "plan-meta");
        reason.textProperty().bind(model.suggestionReasonProperty());
        Button activate = new Button(text.get("plan.activate"));
        activate.setId("plan-activate");
        activate.getStyleClass().addAll("plan-button", "plan-activate");
        activate.disableProperty().bind(model.busyProperty());
        activate.setOnAction(e -> model.activateSuggested());
        VBox suggestion = new VBox(8, offer, reason, activate);
        suggestion.setId("plan-suggestion");
        suggestion.getStyleClass().add("plan-suggestion");
        showWhen(suggestion, PlanPanelModel.View.SUGGESTED);

        Label empty = bound(new Label(), "plan-empty", "plan-none");
        empty.setWrapText(true);
        empty.textProperty().bind(Bindings.createStringBinding(() -> switch (model.viewProperty().get()) {
            case NO_CASE -> text.get("plan.noCase");
            case LOADING -> text.get("plan.loading");
            case NO_PLAN -> text.get("plan.noneFits");
            case SUGGESTED, RUNNING -> "";
        }, model.viewProperty()));
        empty.managedProperty().bind(empty.textProperty().isNotEmpty());
        empty.visibleProperty().bind(empty.managedProperty());

        // The checklist.
        steps.setId("plan-steps");
        steps.getStyleClass().add("plan-steps");
        steps.setItems(model.rows());
        steps.setCellFactory(list -> new StepCell());
        VBox.setVgrow(steps, Priority.ALWAYS);
        showWhen(steps, PlanPanelModel.View.RUNNING);
        model.rows().addListener((ListChangeListener<PlanRow>) change -> keepSelection());

        // The prompt line: note, raise confirmation, override reason.
        Label promptLabel = bound(new Label(), "plan-prompt-text", "plan-prompt-text");
        promptLabel.textProperty().bind(model.promptTextProperty());
        promptLabel.setWrapText(true);
        promptField.setId("plan-prompt-field");
        promptField.getStyleClass().add("plan-prompt-field");
        promptField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                e.consume();
                model.submitPrompt(promptField.getText());
            } else if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                model.cancelPrompt();
            }
        });
        Label promptHint = new Label(text.get("plan.prompt.hint"));
        promptHint.getStyleClass().add("plan-meta");
        VBox promptBox = new VBox(4, promptLabel, promptField, promptHint);
        promptBox.setId("plan-prompt");
        promptBox.getStyleClass().add("plan-prompt");
        promptBox.managedProperty().bind(model.promptProperty().isNotEqualTo(PlanPanelModel.Prompt.NONE));
        promptBox.visibleProperty().bind(promptBox.managedProperty());
        model.promptProperty().addListener((o, was, now) -> {
            if (now != PlanPanelModel.Prompt.NONE) {
                promptField.clear();
                promptField.requestFocus();
            } else if (promptField.isFocused()) {
                steps.requestFocus();
            }
        });

        Label message = bound(new Label(), "plan-message", "plan-message");
        message.textProperty().bind(model.messageProperty());
        message.setWrapText(true);
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.managedProperty());
        model.messageIsErrorProperty().addListener((o, a, b) -> message.pseudoClassStateChanged(ERROR, b));

        // The checklist's keys are in the console's key list (F1), not on a line of their own: the room goes to steps.
        getChildren().addAll(header, suggestion, empty, steps, promptBox, message);
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if (swallowTyped) {
                swallowTyped = false;
                e.consume();
            }
        });
        addEventFilter(KeyEvent.KEY_RELEASED, e -> swallowTyped = false);
        // The deadline timers tick only while the panel is on screen, so a closed console leaves nothing running.
        sceneProperty().addListener((o, was, scene) -> {
            if (scene == null) {
                model.stopTimers();
            } else {
                model.startTimers();
            }
        });
    }

    public PlanPanelModel model() {
        return model;
    }

    public ListView<PlanRow> stepList() {
        return steps;
    }

    /**
     * Shift+F7 from anywhere: activates the plan offered for the selected case and puts the keyboard on its checklist;
     * with no offer, only the keyboard moves (F7).
     */
    public void activateOfferedPlan() {
        if (model != null && model.viewProperty().get() == PlanPanelModel.View.SUGGESTED) {
            model.activateSuggested();
        }
        focusChecklist();
    }

    /** Puts the keyboard on the checklist (or on the activate button when a plan is offered): for a console-wide key. */
    public void focusChecklist() {
        if (model == null) {
            return;
        }
        if (model.viewProperty().get() == PlanPanelModel.View.SUGGESTED) {
            lookup("#plan-activate").requestFocus();
        } else {
            steps.requestFocus();
            if (steps.getSelectionModel().isEmpty()) {
                keepSelection();
            }
        }
    }

    private void onKey(KeyEvent e) {
        if (e.getTarget() == promptField || e.isControlDown() || e.isAltDown() || e.isMetaDown()
                || e.isShortcutDown()) {
            return;
        }
        PlanRow row = steps.getSelectionModel().getSelectedItem();
        String key = row == null ? null : row.key();
        switch (e.getCode()) {
            case SPACE, ENTER -> {
                if (key != null) {
                    model.primary(key);
                } else if (model.viewProperty().get() == PlanPanelModel.View.SUGGESTED) {
                    model.activateSuggested();
                }
            }
            case Y -> {
                if (key != null) {
                    model.answer(key, Answer.YES);
                }
            }
            case N -> {
                if (key != null) {
                    model.answer(key, Answer.NO);
                }
            }
            case T -> {
                swallowTyped = true;
                model.startNote(key);
            }
            case L -> {
                swallowTyped = true;
                model.startRaise();
            }
            case O -> {
                swallowTyped = true;
                model.startOverride();
            }
            case ESCAPE -> {
                if (model.promptProperty().get() != PlanPanelModel.Prompt.NONE) {
                    model.cancelPrompt();
                } else if (!model.messageProperty().get().isEmpty()) {
                    model.clearMessage();
                } else {
                    return;
                }
            }
            default -> {
                return;
            }
        }
        e.consume();
    }

    /** After the rows change: the same step stays selected, else the first open one. */
    private void keepSelection() {
        PlanRow selected = steps.getSelectionModel().getSelectedItem();
        String key = selected == null ? null : selected.key();
        int index = -1;
        for (int i = 0; i < model.rows().size(); i++) {
            PlanRow r = model.rows().get(i);
            if (key != null && key.equals(r.key())) {
                index = i;
                break;
            }
        }
        if (index < 0) {
            for (int i = 0; i < model.rows().size(); i++) {
                PlanRow r = model.rows().get(i);
                if (!r.isHeader() && r.step().status() == StepStatus.OPEN) {
                    index = i;
                    break;
                }
            }
        }
        if (index >= 0) {
            int at = index;
            steps.getSelectionModel().select(at);
            steps.scrollTo(Math.max(0, at - 2));
        }
    }

    private void showWhen(javafx.scene.Node node, PlanPanelModel.View view) {
        node.managedProperty().bind(model.viewProperty().isEqualTo(view));
        node.visibleProperty().bind(node.managedProperty());
    }

    private static Label bound(Label label, String id, String style) {
        label.setId(id);
        label.getStyleClass().add(style);
        return label;
    }

    /** A phase header, or a step: title, role and mark, status or deadline, details, and its buttons. */
    private final class StepCell extends ListCell<PlanRow> {
        private final Label title = new Label();
        private final Label meta = new Label();
        private final Label due = new Label();
        private final Label details = new Label();
        private final Button primary = new Button();
        private final Button yes = new Button();
        private final Button no = new Button();
        private final HBox buttons = new HBox(6, primary, yes, no);
        // One line per step (title, role and mark, deadline); the selected step opens a second line with its
        // details and buttons. Six steps and more fit the checklist at 1920x1080.
        private final HBox line = new HBox(12, title, meta, due, buttons);
        private final HBox more = new HBox(12, details);
        private final VBox box = new VBox(4, line, more);

        StepCell() {
            getStyleClass().add("plan-cell");
            // The list's width decides, not the longest title: titles and details wrap, the timer stays in view.
            setPrefWidth(0);
            box.setMaxWidth(Double.MAX_VALUE);
            due.setMinWidth(Region.USE_PREF_SIZE);
            // Without a minimum height the row keeps one line and ellipsises instead of wrapping.
            title.setMinHeight(Region.USE_PREF_SIZE);
            details.setMinHeight(Region.USE_PREF_SIZE);
            title.getStyleClass().add("plan-step-title");
            meta.getStyleClass().add("plan-step-meta");
            due.getStyleClass().add("plan-due");
            details.getStyleClass().add("plan-step-details");
            details.setWrapText(true);
            for (Button b : new Button[] {primary, yes, no}) {
                b.getStyleClass().add("plan-step-button");
                b.setFocusTraversable(false);
            }
            yes.setText(model.text().get("plan.button.yes"));
            no.setText(model.text().get("plan.button.no"));
            buttons.setAlignment(Pos.CENTER_RIGHT);
            // The selected step's button keeps its words; the title gives way (it wraps when selected).
            buttons.setMinWidth(Region.USE_PREF_SIZE);
            line.setAlignment(Pos.BASELINE_LEFT);
            HBox.setHgrow(title, Priority.ALWAYS);
            title.setMinWidth(0);
            // Unselected steps keep to one line (a long title ends in "…"); the selected one shows it whole.
            title.wrapTextProperty().bind(selectedProperty());
            title.setMaxWidth(Double.MAX_VALUE);
            meta.setMinWidth(Region.USE_PREF_SIZE);
            HBox.setHgrow(details, Priority.ALWAYS);
            details.setMaxWidth(Double.MAX_VALUE);
            more.setAlignment(Pos.CENTER_LEFT);
            // A step's details and buttons show on the selected step only (its keys work there).
            buttons.visibleProperty().bind(selectedProperty());
            buttons.managedProperty().bind(buttons.visibleProperty());
            more.visibleProperty().bind(selectedProperty());
            more.managedProperty().bind(more.visibleProperty());
            primary.setOnAction(e -> act(() -> model.primary(getItem().key())));
            yes.setOnAction(e -> act(() -> model.answer(getItem().key(), Answer.YES)));
            no.setOnAction(e -> act(() -> model.answer(getItem().key(), Answer.NO)));
            model.nowProperty().addListener((o, a, at) -> showDue(at));
        }

        private void act(Runnable action) {
            if (getItem() != null && !getItem().isHeader()) {
                getListView().getSelectionModel().select(getIndex());
                action.run();
            }
        }

        @Override
        protected void updateItem(PlanRow row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().remove("plan-phase-cell");
            pseudoClassStateChanged(DONE, false);
            pseudoClassStateChanged(INACTIVE, false);
            pseudoClassStateChanged(OVERDUE, false);
            setText(null);
            if (empty || row == null) {
                setId(null);
                setGraphic(null);
                return;
            }
            if (row.isHeader()) {
                setId(null);
                getStyleClass().add("plan-phase-cell");
                setText(row.phaseTitle());
                setGraphic(null);
                return;
            }
            PlanStep s = row.step();
            setId("plan-step-" + s.key());
            title.setText(row.title());
            String line = row.role() + " · " + row.mark() + (row.status().isEmpty() ? "" : " · " + row.status());
            meta.setText(line);
            details.setText(row.details());
            details.setManaged(!row.details().isEmpty());
            details.setVisible(!row.details().isEmpty());
            boolean open = s.status() == StepStatus.OPEN;
            pseudoClassStateChanged(DONE, s.status() == StepStatus.DONE);
            pseudoClassStateChanged(INACTIVE, s.status() == StepStatus.WAITING || s.status() == StepStatus.SKIPPED);
            boolean question = s.kind() == StepKind.BRANCH;
            primary.setText(model.primaryLabel(s));
            primary.setId("plan-do-" + s.key());
            yes.setId("plan-yes-" + s.key());
            no.setId("plan-no-" + s.key());
            setShown(primary, open && !question);
            setShown(yes, open && question);
            setShown(no, open && question);
            showDue(model.nowProperty().get());
            setGraphic(box);
        }

        private void showDue(Instant at) {
            PlanRow row = getItem();
            if (row == null || row.isHeader() || at == null) {
                return;
            }
            due.setText(model.dueText(row.step(), at));
            pseudoClassStateChanged(OVERDUE, row.step().overdueAt(at));
        }

        private void setShown(Button b, boolean shown) {
            b.setVisible(shown);
            b.setManaged(shown);
        }
    }
}
