package org.gridcommand.ui.map.tiles;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javafx.application.Platform;
import javax.imageio.ImageIO;
import org.testfx.api.FxToolkit;

/** Shared by the tile tests: PNG tiles of one colour, and the FX toolkit that decoding images needs. */
final class TileTestSupport {
    private TileTestSupport() {
    }

    /** Headless Monocle unless the build runs headful under xvfb-run (-Dgc.test.headful=true). */
    static void startToolkit() throws Exception {
        if (!Boolean.getBoolean("gc.test.headful") && System.getProperty("glass.platform") == null) {
            System.setProperty("testfx.headless", "true");
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("prism.text", "t2k");
        }
        FxToolkit.registerPrimaryStage();
        Platform.setImplicitExit(false);
    }

    static byte[] png(Color colour) throws IOException {
        BufferedImage image = new BufferedImage(256, 256, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, 256, 256);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** The RGB of a pixel of a decoded FX image, alpha dropped. */
    static int rgb(javafx.scene.image.Image image, int x, int y) {
        return image.getPixelReader().getArgb(x, y) & 0xFFFFFF;
    }
}
