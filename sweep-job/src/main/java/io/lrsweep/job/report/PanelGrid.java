package io.lrsweep.job.report;

import org.jfree.chart.JFreeChart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Lays small charts out in a grid on one image, under a title and one shared legend: the
 * "small multiples" of the reference study's figures, where one legend per panel would only crowd.
 */
final class PanelGrid {
    static final int PANEL_W = 380;
    static final int PANEL_H = 270;
    private static final int HEADER = 78;
    private static final int MARGIN = 10;

    /** A legend entry: a coloured line or band with its text. */
    record Key(String text, Color color, boolean band) {}

    private PanelGrid() {}

    static int columns(int panels) {
        return panels <= 4 ? panels : panels <= 9 ? 3 : 4;
    }

    static byte[] render(String title, String subtitle, List<Key> keys, List<JFreeChart> panels) {
        int cols = columns(panels.size());
        int rows = (panels.size() + cols - 1) / cols;
        int width = Math.max(cols * PANEL_W + 2 * MARGIN, 760);
        int height = HEADER + rows * PANEL_H + MARGIN;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(ChartStyle.TITLE);
        centred(g, title, width, 24);
        g.setFont(ChartStyle.SUBTITLE);
        centred(g, subtitle, width, 44);
        drawKeys(g, keys, width, 64);
        int offset = (width - cols * PANEL_W) / 2;
        for (int i = 0; i < panels.size(); i++) {
            int x = offset + (i % cols) * PANEL_W;
            int y = HEADER + (i / cols) * PANEL_H;
            panels.get(i).draw(g, new Rectangle2D.Double(x, y, PANEL_W, PANEL_H));
        }
        g.dispose();
        return ChartStyle.png(image);
    }

    private static void centred(Graphics2D g, String text, int width, int baseline) {
        FontMetrics fm = g.getFontMetrics();
        g.drawString(text, Math.max(4, (width - fm.stringWidth(text)) / 2), baseline);
    }

    private static void drawKeys(Graphics2D g, List<Key> keys, int width, int baseline) {
        g.setFont(ChartStyle.LABEL);
        FontMetrics fm = g.getFontMetrics();
        int total = 0;
        for (Key k : keys) {
            total += 34 + fm.stringWidth(k.text()) + 24;
        }
        int x = Math.max(4, (width - total) / 2);
        for (Key k : keys) {
            if (k.band()) {
                g.setColor(new Color(k.color().getRed(), k.color().getGreen(), k.color().getBlue(), 70));
                g.fillRect(x, baseline - 11, 28, 12);
            } else {
                g.setColor(k.color());
                g.setStroke(new BasicStroke(3f));
                g.drawLine(x, baseline - 5, x + 28, baseline - 5);
            }
            g.setColor(Color.BLACK);
            g.drawString(k.text(), x + 34, baseline);
            x += 34 + fm.stringWidth(k.text()) + 24;
        }
    }
}
