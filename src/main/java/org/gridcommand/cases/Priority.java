package org.gridcommand.cases;

public enum Priority { URGENT, HIGH, NORMAL, LOW }
