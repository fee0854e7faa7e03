package org.gridcommand.ui.search;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Side;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.gridcommand.common.Messages;
import org.gridcommand.search.SearchHit;
import org.gridcommand.search.SearchService;
import org.gridcommand.fx.FxThread;

/**
 * Search for a grid code or name, a worker, a camera or a case id. Enter goes to the best hit; the list
 * under the box offers the others (arrow keys, Enter). Searches run off the FX thread.
 */
public final class SearchBox extends TextField {
    private static final int LIMIT = 12;
    private final SearchService search;
    private final Locale locale;
    private final Messages text;
    private final Consumer<SearchHit> onChosen;
    private final ContextMenu suggestions = new ContextMenu();
    private List<SearchHit> latest = List.of();
    private long generation;

    public SearchBox(SearchService search, Messages text, Consumer<SearchHit> onChosen) {
        this.search = search;
        this.text = text;
        this.locale = text.locale();
        this.onChosen = onChosen;
        setId("map-search");
        setPromptText(text.get("search.prompt"));
        setPrefColumnCount(18);
        textProperty().addListener((o, was, now) -> refresh(now));
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                clear();
                suggestions.hide();
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN && suggestions.isShowing() && !suggestions.getItems().isEmpty()) {
                suggestions.getSkin().getNode().requestFocus();
                e.consume();
            }
        });
        setOnAction(e -> {
            // Enter searches the text as it is now (not the last suggestion list), so a fast typist never
            // lands on a stale hit; the search may read the store, so it runs off the FX thread.
            String query = getText();
            long mine = ++generation;
            FxThread.background(() -> search.search(query, LIMIT, locale), hits -> {
                if (mine != generation) {
                    return;
                }
                if (hits.isEmpty()) {
                    showNothingFound();
                } else {
                    choose(hits.get(0));
                }
            }, error -> showNothingFound());
        });
    }

    public List<SearchHit> latestHits() {
        return latest;
    }

    private void refresh(String query) {
        long mine = ++generation;
        if (query == null || query.isBlank()) {
            suggestions.hide();
            latest = List.of();
            return;
        }
        FxThread.background(() -> search.search(query, LIMIT, locale), hits -> {
            if (mine != generation) {
                return;
            }
            latest = hits;
            suggestions.getItems().clear();
            for (SearchHit hit : hits) {
                Label label = new Label(text.get("search.kind." + hit.kind().name()) + "  " + hit.label());
                CustomMenuItem item = new CustomMenuItem(label, true);
                item.setOnAction(e -> choose(hit));
                suggestions.getItems().add(item);
            }
            if (hits.isEmpty()) {
                showNothingFound();
            } else if (isFocused()) {
                suggestions.show(this, Side.BOTTOM, 0, 0);
            }
        }, error -> suggestions.hide());
    }

    private void showNothingFound() {
        suggestions.getItems().setAll(new CustomMenuItem(new Label(text.get("search.none")), false));
        if (isFocused()) {
            suggestions.show(this, Side.BOTTOM, 0, 0);
        }
    }

    private void choose(SearchHit hit) {
        suggestions.hide();
        onChosen.accept(hit);
    }
}
