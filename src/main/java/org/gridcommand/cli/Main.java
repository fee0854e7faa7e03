package org.gridcommand.cli; public class Main { public static void main(String[] a){} }
