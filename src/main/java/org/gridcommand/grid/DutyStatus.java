package org.gridcommand.grid;

public enum DutyStatus { ON_DUTY, OFF_DUTY }
