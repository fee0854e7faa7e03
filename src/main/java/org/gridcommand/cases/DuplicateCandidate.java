package org.gridcommand.cases;

import java.time.Duration;

/** An open case a new report may duplicate: how far apart they are in space and time. */
public record DuplicateCandidate(Case aCase, double distanceMetres, Duration apart) {
}
