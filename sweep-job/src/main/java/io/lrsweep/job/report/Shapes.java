package io.lrsweep.job.report;

import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/** Marker shapes centred on the origin: the best lr (diamond), outcome classes (cross, square, triangle down), a suggestion (triangle). */
final class Shapes {
    private Shapes() {}

    static Shape diamond(double r) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(0, -r);
        p.lineTo(r, 0);
        p.lineTo(0, r);
        p.lineTo(-r, 0);
        p.closePath();
        return p;
    }

    static Shape cross(double r) {
        Area a = new Area(new Rectangle2D.Double(-r, -1.5, 2 * r, 3));
        a.add(new Area(new Rectangle2D.Double(-1.5, -r, 3, 2 * r)));
        return AffineTransform.getRotateInstance(Math.PI / 4).createTransformedShape(a);
    }

    static Shape square(double r) {
        return new Rectangle2D.Double(-r, -r, 2 * r, 2 * r);
    }

    static Shape triangleDown(double r) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(0, r);
        p.lineTo(r, -r * 0.8);
        p.lineTo(-r, -r * 0.8);
        p.closePath();
        return p;
    }

    static Shape triangle(double r) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(0, -r);
        p.lineTo(r, r * 0.8);
        p.lineTo(-r, r * 0.8);
        p.closePath();
        return p;
    }
}
