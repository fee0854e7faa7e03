package org.gridcommand.common;

/** Something in the store changed. Views listen and refresh; later the multi-seat sync rides on these. */
public record ChangeEvent(String entity, String id, Kind kind) {
    public enum Kind { CREATED, UPDATED, DELETED, BULK_LOADED }
}
