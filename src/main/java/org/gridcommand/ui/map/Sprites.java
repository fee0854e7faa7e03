package org.gridcommand.ui.map;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.gridcommand.camera.CameraStatus;
import org.gridcommand.cases.Priority;
import org.gridcommand.directory.ResourceKind;

/**
 * Point symbols rasterised once per scale factor. Tiles draw them with drawImage at whole pixels (the
 * software pipeline's fast blit, several times cheaper than drawing the shape); the live layer blends their
 * premultiplied pixels itself.
 */
final class Sprites {
    final double scale;
    final Sprite[] cases = new Sprite[Priority.values().length];
    final Sprite workerOnDuty;
    final Sprite workerOffDuty;
    final Sprite camera;
    /** Camera symbols by {@link CameraStatus.State} ordinal, for a map fed by a status board. */
    final Sprite[] cameraByState = new Sprite[CameraStatus.State.values().length];
    final Sprite halo;
    final Map<ResourceKind, Sprite> resources = new EnumMap<>(ResourceKind.class);

    private Sprites(double scale) {
        this.scale = scale;
        for (Priority p : Priority.values()) {
            cases[p.ordinal()] = render(MapStyle.caseRadius(p, scale) + scale,
                    g -> MapStyle.drawCaseSymbol(g, p, 0, 0, scale));
        }
        workerOnDuty = render(MapStyle.workerRadius(scale), g -> MapStyle.drawWorkerSymbol(g, true, 0, 0, scale));
        workerOffDuty = render(MapStyle.workerRadius(scale), g -> MapStyle.drawWorkerSymbol(g, false, 0, 0, scale));
        camera = render(MapStyle.cameraRadius(scale) + scale, g -> MapStyle.drawCameraDot(g, 0, 0, scale));
        for (CameraStatus.State state : CameraStatus.State.values()) {
            cameraByState[state.ordinal()] = render(MapStyle.cameraRadius(state, scale) + scale,
                    g -> MapStyle.drawCameraSymbol(g, state, 0, 0, scale));
        }
        halo = render(16 * scale, g -> MapStyle.drawBlinkHalo(g, 0, 0, scale));
        for (ResourceKind kind : ResourceKind.values()) {
            resources.put(kind, render(MapStyle.resourceRadius(scale) * 1.2 + scale,
                    g -> MapStyle.drawResourceSymbol(g, kind, 0, 0, scale)));
        }
    }

    /** Must run on the FX thread (rasterises through a canvas snapshot). */
    static Sprites create(double scale) {
        return new Sprites(scale);
    }

    private static Sprite render(double radius, Consumer<GraphicsContext> draw) {
        int size = (int) Math.ceil(2 * radius + 4);
        int anchor = size / 2;
        Canvas canvas = new Canvas(size, size);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.translate(anchor, anchor);
        draw.accept(g);
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.TRANSPARENT);
        WritableImage image = canvas.snapshot(params, null);
        int[] argb = new int[size * size];
        image.getPixelReader().getPixels(0, 0, size, size, PixelFormat.getIntArgbPreInstance(), argb, 0, size);
        return new Sprite(image, argb, size, size, anchor, anchor);
    }

    /** A symbol: the image for canvases, its premultiplied ARGB pixels, and the pixel that marks the spot. */
    record Sprite(Image image, int[] argb, int width, int height, int anchorX, int anchorY) {
        /** Blends the sprite with its anchor at (x, y) into an opaque frame, clipped to the clip box. */
        void blendInto(int[] dst, int stride, int x, int y, int clipX0, int clipY0, int clipX1, int clipY1) {
            int left = x - anchorX;
            int top = y - anchorY;
            int x0 = Math.max(left, clipX0);
            int y0 = Math.max(top, clipY0);
            int x1 = Math.min(left + width, clipX1);
            int y1 = Math.min(top + height, clipY1);
            for (int yy = y0; yy < y1; yy++) {
                int src = (yy - top) * width - left;
                int row = yy * stride;
                for (int xx = x0; xx < x1; xx++) {
                    int s = argb[src + xx];
                    int sa = s >>> 24;
                    if (sa == 0) {
                        continue;
                    }
                    if (sa == 255) {
                        dst[row + xx] = s;
                        continue;
                    }
                    int d = dst[row + xx];
                    int ia = 255 - sa;
                    int r = ((s >> 16) & 0xff) + (((d >> 16) & 0xff) * ia + 127) / 255;
                    int gr = ((s >> 8) & 0xff) + (((d >> 8) & 0xff) * ia + 127) / 255;
                    int b = (s & 0xff) + ((d & 0xff) * ia + 127) / 255;
                    dst[row + xx] = 0xff000000 | (Math.min(255, r) << 16) | (Math.min(255, gr) << 8) | Math.min(255, b);
                }
            }
        }
    }
}
