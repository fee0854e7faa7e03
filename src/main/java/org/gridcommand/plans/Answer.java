package org.gridcommand.plans;

/** The answer to a yes/no branch step. */
public enum Answer { YES, NO }
