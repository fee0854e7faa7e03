package org.gridcommand.ui.queue;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.gridcommand.cases.CaseAction;

/**
 * The queue's keyboard verbs, one key each, in the order the help overlay lists them. A verb with an
 * action runs only when the life cycle allows that action in the selected case's state.
 */
public enum Triage {
    ACCEPT(KeyCode.A, false, CaseAction.ACCEPT, Input.NONE),
    DISPATCH(KeyCode.D, false, CaseAction.DISPATCH, Input.ASSIGNEE),
    START_HANDLING(KeyCode.H, false, CaseAction.START_HANDLING, Input.NONE),
    FEED_BACK(KeyCode.F, false, CaseAction.FEED_BACK, Input.NOTE),
    VERIFY(KeyCode.V, false, CaseAction.VERIFY, Input.NONE),
    REWORK(KeyCode.V, true, CaseAction.REWORK, Input.NOTE),
    CLOSE(KeyCode.C, false, CaseAction.CLOSE, Input.NONE),
    VOID(KeyCode.X, false, CaseAction.VOID, Input.REASON),
    SUSPEND(KeyCode.S, false, CaseAction.SUSPEND, Input.REASON),
    RESUME(KeyCode.R, false, CaseAction.RESUME, Input.NONE),
    SUPERVISE(KeyCode.U, false, CaseAction.SUPERVISE, Input.NONE),
    ESCALATE(KeyCode.E, false, CaseAction.ESCALATE, Input.NOTE),
    OPEN_ON_MAP(KeyCode.M, false, null, Input.NONE),
    /** Puts the cameras whose field of view covers the case on the video wall (else the nearest, said so). */
    SHOW_CAMERAS(KeyCode.W, false, null, Input.NONE),
    /** Saves the case as a CAP 1.2 alert file (status Actual) where the officer chooses. */
    EXPORT_CAP(KeyCode.P, false, null, Input.NONE),
    NEW_HOTLINE_CASE(KeyCode.N, false, null, Input.NONE);

    /** What the verb asks for before it runs: nothing, a note, a reason (kept on the case) or an assignee. */
    public enum Input { NONE, NOTE, REASON, ASSIGNEE }

    private final KeyCode key;
    private final boolean shift;
    private final CaseAction action;
    private final Input input;

    Triage(KeyCode key, boolean shift, CaseAction action, Input input) {
        this.key = key;
        this.shift = shift;
        this.action = action;
        this.input = input;
    }

    public KeyCode key() {
        return key;
    }

    public boolean shift() {
        return shift;
    }

    /** The life-cycle action, or null for the verbs that do not change the case (map, CAP export, new case). */
    public CaseAction action() {
        return action;
    }

    public Input input() {
        return input;
    }

    /** "A", "Shift+V": as printed in the help overlay and on the buttons. */
    public String keyName() {
        return (shift ? "Shift+" : "") + key.getName();
    }

    /** The verb a plain key press means, or null; Ctrl, Alt and Meta chords are never verbs. */
    public static Triage of(KeyEvent e) {
        if (e.isControlDown() || e.isAltDown() || e.isMetaDown() || e.isShortcutDown()) {
            return null;
        }
        for (Triage t : values()) {
            if (t.key == e.getCode() && t.shift == e.isShiftDown()) {
                return t;
            }
        }
        return null;
    }
}
