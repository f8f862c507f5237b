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
 * Lays small charts out on one image, under a title and one shared legend: the "small multiples" of
 * the reference study's figures. Each cell is a titled pair of charts side by side (accuracy and
 * loss of one setting), two cells a row, so that the image is at most {@link ChartStyle#MAX_WIDTH}
 * wide and shows at its own size on the report's page (its text never shrinks below its font size).
 */
final class PanelGrid {
    static final int CHART_W = 280;
    static final int CHART_H = 230;
    static final int CELL_TITLE = 24;
    static final int GAP = 20;
    private static final int HEADER = 78;
    private static final int MARGIN = 10;

    /** A legend entry: a coloured line or band with its text. */
    record Key(String text, Color color, boolean band) {}

    /** One cell: its title, and the two charts. */
    record Cell(String title, Color titleColor, JFreeChart left, JFreeChart right) {}

    private PanelGrid() {}

    static int columns(int cells) {
        return cells <= 1 ? 1 : 2;
    }

    static int width(int cells) {
        int cols = columns(cells);
        return Math.max(cols * 2 * CHART_W + (cols - 1) * GAP + 2 * MARGIN, 760);
    }

    static int height(int cells) {
        int rows = (cells + columns(cells) - 1) / columns(cells);
        return HEADER + rows * (CELL_TITLE + CHART_H) + MARGIN;
    }

    static byte[] render(String title, String subtitle, List<Key> keys, List<Cell> cells) {
        int cols = columns(cells.size());
        int width = width(cells.size());
        int height = height(cells.size());
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(ChartStyle.TITLE);
        centred(g, title, 0, width, 24);
        g.setFont(ChartStyle.SUBTITLE);
        centred(g, subtitle, 0, width, 44);
        drawKeys(g, keys, width, 66);
        int cellWidth = 2 * CHART_W;
        int offset = (width - (cols * cellWidth + (cols - 1) * GAP)) / 2;
        for (int i = 0; i < cells.size(); i++) {
            Cell c = cells.get(i);
            int x = offset + (i % cols) * (cellWidth + GAP);
            int y = HEADER + (i / cols) * (CELL_TITLE + CHART_H);
            g.setFont(ChartStyle.CELL_TITLE);
            g.setColor(c.titleColor());
            centred(g, c.title(), x, cellWidth, y + 17);
            c.left().draw(g, new Rectangle2D.Double(x, y + CELL_TITLE, CHART_W, CHART_H));
            c.right().draw(g, new Rectangle2D.Double(x + CHART_W, y + CELL_TITLE, CHART_W, CHART_H));
        }
        g.dispose();
        return ChartStyle.png(image);
    }

    private static void centred(Graphics2D g, String text, int from, int width, int baseline) {
        FontMetrics fm = g.getFontMetrics();
        g.drawString(text, from + Math.max(4, (width - fm.stringWidth(text)) / 2), baseline);
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
