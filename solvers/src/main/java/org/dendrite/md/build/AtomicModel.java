package org.dendrite.md.build;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.Species;
import org.dendrite.md.io.Elements;
import org.dendrite.md.io.Structure;

/**
 * A model system while it is being built: a box and a growable list of atoms, each with an element
 * name, a position (Å, LAMMPS frame) and an integer tag (grain id, slab index, or −1). Builders and
 * modifiers (defects, overlap removal, charge fixes) work on element names; the model becomes a
 * {@link Structure} on a force field's species only at the end ({@link #toStructure}), so one
 * builder serves any force field that has its elements.
 *
 * <p>Atom order is construction order; {@link #retain} keeps the order of the survivors, so a
 * build is reproducible atom for atom.
 */
public final class AtomicModel {
    private Box box;
    private final List<String> elementNames = new ArrayList<>();
    private int n;
    private int[] element = new int[64];
    private double[] x = new double[3 * 64];
    private int[] tag = new int[64];

    public AtomicModel(Box box) {
        this.box = box;
    }

    public Box box() {
        return box;
    }

    /** Replaces the box (atoms are not moved). */
    public void setBox(Box newBox) {
        this.box = newBox;
    }

    public int size() {
        return n;
    }

    /** Appends an atom; returns its index. */
    public int add(String elementName, double px, double py, double pz, int atomTag) {
        if (!Double.isFinite(px) || !Double.isFinite(py) || !Double.isFinite(pz)) {
            throw new IllegalArgumentException("atom " + n + " (" + elementName + "): position is not finite");
        }
        if (n == element.length) {
            int cap = 2 * n;
            element = Arrays.copyOf(element, cap);
            tag = Arrays.copyOf(tag, cap);
            x = Arrays.copyOf(x, 3 * cap);
        }
        element[n] = elementIndex(elementName);
        x[3 * n] = px;
        x[3 * n + 1] = py;
        x[3 * n + 2] = pz;
        tag[n] = atomTag;
        return n++;
    }

    private int elementIndex(String name) {
        int e = elementNames.indexOf(name);
        if (e < 0) {
            elementNames.add(name);
            e = elementNames.size() - 1;
        }
        return e;
    }

    public String element(int i) {
        return elementNames.get(element[i]);
    }

    /** Changes an atom's element (substitution). */
    public void setElement(int i, String name) {
        element[i] = elementIndex(name);
    }

    public double x(int i, int d) {
        return x[3 * i + d];
    }

    public void setPosition(int i, double px, double py, double pz) {
        x[3 * i] = px;
        x[3 * i + 1] = py;
        x[3 * i + 2] = pz;
    }

    /** Positions, 3 per atom (x, y, z); live array of length ≥ 3·size(). */
    public double[] positions() {
        return x;
    }

    public int tag(int i) {
        return tag[i];
    }

    public void setTag(int i, int t) {
        tag[i] = t;
    }

    /** Keeps the atoms whose {@code keep[i]} is true, in their order; returns how many were removed. */
    public int retain(boolean[] keep) {
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                element[m] = element[i];
                tag[m] = tag[i];
                System.arraycopy(x, 3 * i, x, 3 * m, 3);
                m++;
            }
        }
        int removed = n - m;
        n = m;
        return removed;
    }

    /** Element names present, in order of first appearance. */
    public List<String> elements() {
        List<String> present = new ArrayList<>();
        boolean[] seen = new boolean[elementNames.size()];
        for (int i = 0; i < n; i++) {
            if (!seen[element[i]]) {
                seen[element[i]] = true;
                present.add(elementNames.get(element[i]));
            }
        }
        return present;
    }

    /** Number of atoms of an element. */
    public int count(String name) {
        int e = elementNames.indexOf(name);
        int c = 0;
        for (int i = 0; i < n; i++) {
            if (element[i] == e) {
                c++;
            }
        }
        return c;
    }

    /** Total charge Σ q(element) under the given charges (e). */
    public double totalCharge(Charges charges) {
        double q = 0;
        for (int i = 0; i < n; i++) {
            q += charges.of(elementNames.get(element[i]));
        }
        return q;
    }

    /** Wraps every position into the periodic cell (along periodic axes). */
    public void wrapAll() {
        // Box.wrap indexes the image flags with the position's offset, so wrap a 3-vector at offset 0
        double[] r = new double[3];
        int[] image = new int[3];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, 3 * i, r, 0, 3);
            box.wrap(r, 0, image);
            System.arraycopy(r, 0, x, 3 * i, 3);
        }
    }

    /** Deep copy. */
    public AtomicModel copy() {
        AtomicModel c = new AtomicModel(box.copy());
        for (int i = 0; i < n; i++) {
            c.add(element(i), x[3 * i], x[3 * i + 1], x[3 * i + 2], tag[i]);
        }
        return c;
    }

    /**
     * The model as a structure: atom ids 1..N in model order, types on {@code target} (a force
     * field's species; null for species made from the model's elements with standard masses and
     * {@code charges}), charges from the species.
     *
     * @throws IllegalArgumentException naming the first element the target species lack
     */
    public Structure toStructure(Species target, Charges charges, String source) {
        Species sp = target;
        if (sp == null) {
            List<String> names = elements();
            double[] m = new double[names.size()];
            double[] q = new double[names.size()];
            for (int t = 0; t < m.length; t++) {
                String el = Elements.elementOf(names.get(t));
                m[t] = el == null ? Double.NaN : Elements.mass(el);
                if (!(m[t] > 0)) {
                    throw new IllegalArgumentException(source + ": species '" + names.get(t)
                            + "' is not an element symbol, so it has no standard mass");
                }
                q[t] = charges.of(names.get(t));
            }
            sp = new Species(names, m, q);
        }
        int[] map = new int[elementNames.size()];
        for (int e = 0; e < map.length; e++) {
            map[e] = sp.typeOf(elementNames.get(e));
        }
        Atoms a = new Atoms(sp, n);
        for (int i = 0; i < n; i++) {
            int t = map[element[i]];
            if (t < 0) {
                throw new IllegalArgumentException(source + ": species '" + elementNames.get(element[i])
                        + "' is not in the force field (it has " + String.join(", ", sp.names()) + ")");
            }
            a.type[i] = t;
            a.id[i] = i + 1;
            System.arraycopy(x, 3 * i, a.x, 3 * i, 3);
        }
        a.chargesFromSpecies();
        return new Structure(a, box.copy(), source);
    }

    /** A model holding a structure's atoms (element = species name, tag −1). */
    public static AtomicModel of(Structure s) {
        AtomicModel m = new AtomicModel(s.box().copy());
        Atoms a = s.atoms();
        for (int i = 0; i < a.nlocal; i++) {
            m.add(a.species.name(a.type[i]), a.x[3 * i], a.x[3 * i + 1], a.x[3 * i + 2], -1);
        }
        return m;
    }
}
