package org.gridcommand.cli;

import picocli.CommandLine;

/** A window size given as WIDTHxHEIGHT. */
public record WindowSize(int width, int height) {
    public static WindowSize parse(String value) {
        String[] parts = value == null ? new String[0] : value.trim().toLowerCase().split("x");
        if (parts.length != 2) {
            throw new IllegalArgumentException("'" + value + "' is not a size like 1920x1080");
        }
        try {
            int w = Integer.parseInt(parts[0]);
            int h = Integer.parseInt(parts[1]);
            if (w < 320 || h < 240 || w > 15360 || h > 8640) {
                throw new IllegalArgumentException("'" + value + "' is out of range (320x240 to 15360x8640)");
            }
            return new WindowSize(w, h);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a size like 1920x1080");
        }
    }

    public static final class Converter implements CommandLine.ITypeConverter<WindowSize> {
        @Override
        public WindowSize convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
