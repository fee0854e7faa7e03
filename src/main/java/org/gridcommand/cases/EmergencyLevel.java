package org.gridcommand.cases;

/** Emergency grading: I particularly serious, II serious, III relatively serious, IV ordinary. */
public enum EmergencyLevel { I, II, III, IV }
