package org.gridcommand.cases;

/** How a case reached the centre. */
public enum Channel { GRID_WORKER, HOTLINE, SENSOR, VIDEO_ANALYTICS, DUTY_OFFICER }
