package org.dendrite.md.potential.eam;

import org.dendrite.md.Atoms;
import org.dendrite.md.InvariantArithmetic;
import org.dendrite.md.Species;
import org.dendrite.md.io.InputException;
import org.dendrite.md.neighbor.HaloExchange;
import org.dendrite.md.neighbor.NeighborList;
import org.dendrite.md.potential.ManyBodyTerm;
import org.dendrite.md.potential.StyleParams;

/**
 * Embedded-atom method as LAMMPS {@code pair_style eam/alloy} and {@code eam/fs}:
 * <pre>
 *   E = Σ_i F_{a(i)}(ρ_i) + ½ Σ_{i≠j} φ_{a(i)a(j)}(r_ij),   ρ_i = Σ_{j≠i} ρ_{a(j)→a(i)}(r_ij)
 * </pre>
 * with F, ρ and r·φ interpolated from the setfl tables exactly as LAMMPS ({@link EamSpline}),
 * including its index clamping at the table ends and, for ρ beyond the table, the linear
 * continuation E += F'(ρ_max)(ρ − ρ_max) LAMMPS adds to conserve energy. For eam/alloy the density
 * an atom j contributes depends only on its own element; for eam/fs it is the file's density block
 * (element of j, block of element of i), as LAMMPS maps type2rhor. Species mapped to no element
 * (LAMMPS NULL) take no part in this term.
 *
 * <p>Passes: density over the half list (pairs with ghosts add to the ghost's slot, summed onto the
 * owner by {@link HaloExchange#reverseVector}), F and F' for local atoms, F' copied to ghosts by
 * {@link HaloExchange#forwardScalar}, then the force pass over the half list. Scratch arrays are
 * per calling thread, so one instance may serve several engines concurrently.
 */
public final class EamTerm implements ManyBodyTerm {
    private final SetflFile file;
    private final int[] typeToElement;
    private final double cutoff;
    private final double cutsq;
    private final double rdr;
    private final double rdrho;
    private final int nr;
    private final int nrho;
    private final double rhomax;
    private final EamSpline[] frho;
    /** Density spline for (element of source j, element of receiver i): index j·ne + i. */
    private final EamSpline[] rhoFromTo;
    private final EamSpline[] z2r;
    private final int ne;

    /** Per-thread scratch (densities packed 3 per atom for reverseVector, and F'), so that one force
     * field can serve several engines at once as ForceField promises. */
    private final ThreadLocal<double[][]> scratch = ThreadLocal.withInitial(() -> new double[][] {new double[0], new double[0]});

    /**
     * @param file the potential file
     * @param typeToElement for each species type, the index of its element in the file or −1 (NULL)
     */
    public EamTerm(SetflFile file, int[] typeToElement) {
        this.file = file;
        this.typeToElement = typeToElement.clone();
        this.ne = file.elements.length;
        this.cutoff = file.cutoff;
        this.cutsq = cutoff * cutoff;
        this.nr = file.nr;
        this.nrho = file.nrho;
        this.rdr = 1.0 / file.dr;
        this.rdrho = 1.0 / file.drho;
        this.rhomax = (nrho - 1) * file.drho;
        frho = new EamSpline[ne];
        for (int a = 0; a < ne; a++) {
            frho[a] = new EamSpline(file.frho[a], file.drho);
        }
        rhoFromTo = new EamSpline[ne * ne];
        for (int src = 0; src < ne; src++) {
            for (int dst = 0; dst < ne; dst++) {
                double[] table = file.finnisSinclair ? file.rhor[src][dst] : file.rhor[src][0];
                rhoFromTo[src * ne + dst] = new EamSpline(table, file.dr);
            }
        }
        z2r = new EamSpline[ne * (ne + 1) / 2];
        for (int k = 0; k < z2r.length; k++) {
            z2r[k] = new EamSpline(file.z2r[k], file.dr);
        }
    }

    /**
     * Force-field file entry: file (setfl or .fs file, relative to the force-field file), optional
     * map {species: element | NULL} (default: each species is the file element of the same name).
     */
    public static EamTerm fromParams(StyleParams p, Species species, boolean fs) {
        java.nio.file.Path path = p.requireFile("file");
        SetflFile f;
        try {
            f = SetflFile.read(path, fs);
        } catch (InputException ex) {
            throw p.error("file", "is not a usable " + (fs ? "eam/fs" : "eam/alloy") + " file: " + ex.getMessage());
        }
        StyleParams map = p.optionalMap("map");
        if (map != null) {
            for (String key : map.keys()) {
                if (species.typeOf(key) < 0) {
                    throw map.error(key, "is not a species of this force field (species: " + species.names() + ")");
                }
            }
        }
        int[] typeToElement = new int[species.count()];
        for (int t = 0; t < species.count(); t++) {
            String name = species.name(t);
            String element = map != null && map.has(name) ? map.requireString(name) : name;
            if (element.equals("NULL")) {
                typeToElement[t] = -1;
                continue;
            }
            int e = f.indexOf(element);
            if (e < 0) {
                throw (map != null && map.has(name) ? map.error(name, "names element " + element + ", which is not in "
                        + path.getFileName() + " (elements: " + f.elementList() + ")")
                        : p.error("species " + name + " is not an element of " + path.getFileName() + " (elements: "
                        + f.elementList() + "); map it with map: {" + name + ": NULL} to leave it out of this term"));
            }
            typeToElement[t] = e;
        }
        if (map != null) {
            map.finish();
        }
        return new EamTerm(f, typeToElement);
    }

    public SetflFile file() {
        return file;
    }

    @Override
    public double cutoff() {
        return cutoff;
    }

    private EamSpline pairSpline(int a, int b) {
        return a >= b ? z2r[a * (a + 1) / 2 + b] : z2r[b * (b + 1) / 2 + a];
    }

    @Override
    public double compute(Atoms atoms, NeighborList list, HaloExchange halo, double[] f) {
        int nlocal = atoms.nlocal;
        int nall = nlocal + atoms.nghost;
        double[][] work = scratch.get();
        if (work[1].length < nall) {
            int cap = nall + nall / 2 + 16;
            work[0] = new double[3 * cap];
            work[1] = new double[cap];
        }
        double[] rho3 = work[0];
        double[] fp = work[1];
        java.util.Arrays.fill(rho3, 0, 3 * nall, 0.0);
        double[] x = atoms.x;
        int[] type = atoms.type;
        int[] offsets = list.offsets;
        int[] nb = list.neighbors;

        // Density pass over the half list.
        for (int i = 0; i < list.rows; i++) {
            int ei = typeToElement[type[i]];
            if (ei < 0) {
                continue;
            }
            double xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
            for (int k = offsets[i]; k < offsets[i + 1]; k++) {
                int j = nb[k];
                int ej = typeToElement[type[j]];
                if (ej < 0) {
                    continue;
                }
                double dx = xi - x[3 * j], dy = yi - x[3 * j + 1], dz = zi - x[3 * j + 2];
                double rsq = dx * dx + dy * dy + dz * dz;
                if (rsq < cutsq) {
                    double p = Math.sqrt(rsq) * rdr + 1.0;
                    int m = Math.min((int) p, nr - 1);
                    p = Math.min(p - m, 1.0);
                    // Rounded so the per-atom densities do not depend on which domain holds the pair.
                    rho3[3 * i] += InvariantArithmetic.roundDensity(rhoFromTo[ej * ne + ei].value(m, p));
                    rho3[3 * j] += InvariantArithmetic.roundDensity(rhoFromTo[ei * ne + ej].value(m, p));
                }
            }
        }
        halo.reverseVector(atoms, rho3);

        // Embedding energy and its derivative for local atoms.
        double energy = 0;
        for (int i = 0; i < nlocal; i++) {
            int ei = typeToElement[type[i]];
            if (ei < 0) {
                fp[i] = 0;
                continue;
            }
            double rho = rho3[3 * i];
            double p = rho * rdrho + 1.0;
            int m = Math.max(1, Math.min((int) p, nrho - 1));
            p = Math.min(p - m, 1.0);
            EamSpline s = frho[ei];
            fp[i] = s.derivative(m, p);
            double phi = s.value(m, p);
            if (rho > rhomax) {
                phi += fp[i] * (rho - rhomax);
            }
            energy += phi;
        }
        halo.forwardScalar(atoms, fp);

        // Force pass.
        for (int i = 0; i < list.rows; i++) {
            int ei = typeToElement[type[i]];
            if (ei < 0) {
                continue;
            }
            double xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
            double fxi = 0, fyi = 0, fzi = 0;
            for (int k = offsets[i]; k < offsets[i + 1]; k++) {
                int j = nb[k];
                int ej = typeToElement[type[j]];
                if (ej < 0) {
                    continue;
                }
                double dx = xi - x[3 * j], dy = yi - x[3 * j + 1], dz = zi - x[3 * j + 2];
                double rsq = dx * dx + dy * dy + dz * dz;
                if (rsq < cutsq) {
                    double r = Math.sqrt(rsq);
                    double p = r * rdr + 1.0;
                    int m = Math.min((int) p, nr - 1);
                    p = Math.min(p - m, 1.0);
                    // d(density at j due to i)/dr and d(density at i due to j)/dr
                    double rhoip = rhoFromTo[ei * ne + ej].derivative(m, p);
                    double rhojp = rhoFromTo[ej * ne + ei].derivative(m, p);
                    EamSpline zs = pairSpline(ei, ej);
                    double z2p = zs.derivative(m, p);
                    double z2 = zs.value(m, p);
                    double recip = 1.0 / r;
                    double phi = z2 * recip;
                    double phip = z2p * recip - phi * recip;
                    double psip = fp[i] * rhojp + fp[j] * rhoip + phip;
                    double fpair = -psip * recip;
                    double fx = InvariantArithmetic.roundForce(dx * fpair);
                    double fy = InvariantArithmetic.roundForce(dy * fpair);
                    double fz = InvariantArithmetic.roundForce(dz * fpair);
                    fxi += fx;
                    fyi += fy;
                    fzi += fz;
                    f[3 * j] -= fx;
                    f[3 * j + 1] -= fy;
                    f[3 * j + 2] -= fz;
                    energy += phi;
                }
            }
            f[3 * i] += fxi;
            f[3 * i + 1] += fyi;
            f[3 * i + 2] += fzi;
        }
        return energy;
    }
}
