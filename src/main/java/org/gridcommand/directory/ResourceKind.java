package org.gridcommand.directory;

/** Kinds of emergency resources drawn on the map. */
public enum ResourceKind { FIRE_STATION, HOSPITAL, POLICE_POST, SHELTER, HYDRANT, MEDICAL_POINT, SUPPLY_DEPOT }
