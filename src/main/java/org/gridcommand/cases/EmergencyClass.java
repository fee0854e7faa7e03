package org.gridcommand.cases;

/** The four classes of public emergencies (突发事件) under the national emergency law. */
public enum EmergencyClass { NATURAL_DISASTER, ACCIDENT_DISASTER, PUBLIC_HEALTH, SOCIAL_SECURITY }
