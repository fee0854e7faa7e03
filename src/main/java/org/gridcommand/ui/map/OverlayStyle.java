package org.gridcommand.ui.map;

/** How an overlay shape is drawn: each style differs in line pattern as well as colour. */
public enum OverlayStyle {
    /** Measuring: dashed white line, vertex dots, length label. */
    MEASURE,
    /** Cordon: thick amber outline with a translucent fill. */
    CORDON,
    /** Grid defect from the proof: red hatched area, red outline. */
    DEFECT,
    /** Search hit or linked item: thick cyan outline. */
    HIGHLIGHT
}
