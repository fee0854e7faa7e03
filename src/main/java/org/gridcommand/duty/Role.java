package org.gridcommand.duty;

public enum Role { DUTY_OFFICER, SHIFT_SUPERVISOR, TRAINER }
