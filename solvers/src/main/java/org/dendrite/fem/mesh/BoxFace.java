package org.dendrite.fem.mesh;

import java.util.Locale;

/**
 * The faces of a mesh's bounding box, used to tag boundary facets: a facet whose nodes all lie on
 * the plane x = x_min (within a relative tolerance of the box size) gets {@link #XMIN}, and so on.
 * The tag value of a face is its {@link #ordinal()}; facets on no box face get {@link #NONE_TAG}.
 */
public enum BoxFace {
    XMIN(0, -1), XMAX(0, +1), YMIN(1, -1), YMAX(1, +1), ZMIN(2, -1), ZMAX(2, +1);

    /** Facet tag of a boundary facet on none of the box faces (holes, curved outer boundaries). */
    public static final int NONE_TAG = -1;

    /** Coordinate axis normal to the face (0 = x, 1 = y, 2 = z). */
    public final int axis;
    /** Sign of the outward normal along {@link #axis}. */
    public final int sign;

    BoxFace(int axis, int sign) {
        this.axis = axis;
        this.sign = sign;
    }

    /** Lower-case name as used in configs and outputs: {@code xmin}, {@code xmax}, … */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The face whose {@link #key()} is {@code key}; throws with the list of valid keys otherwise. */
    public static BoxFace of(String key) {
        for (BoxFace f : values()) {
            if (f.key().equals(key)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown box face '" + key + "' (expected xmin, xmax, ymin, ymax, zmin or zmax)");
    }

    /** The face on the other side of the box. */
    public BoxFace opposite() {
        return values()[ordinal() ^ 1];
    }
}
