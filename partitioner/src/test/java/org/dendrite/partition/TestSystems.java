package org.dendrite.partition;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.Units;
import org.dendrite.md.io.Structure;
import org.dendrite.md.io.StructureFiles;
import org.dendrite.md.potential.ForceField;
import org.dendrite.md.potential.ForceFieldLoader;

/** Small systems for decomposition tests: LLZO (Du/Teter + DSF) and bcc Li (test EAM). */
final class TestSystems {
    private TestSystems() {
    }

    static Path conf(String relative) {
        for (Path base : new Path[] {Path.of("..", "conf"), Path.of("conf")}) {
            Path p = base.resolve(relative);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IllegalStateException("conf/" + relative + " not found from " + Path.of("").toAbsolutePath());
    }

    static ForceField llzoForceField() {
        return ForceFieldLoader.load(conf("forcefields/llzo-du-teter.yaml"));
    }

    static ForceField liEamForceField() {
        return ForceFieldLoader.load(conf("forcefields/li-test-eam.yaml"));
    }

    /** The 192-atom tetragonal LLZO cell replicated na × nb × nc, positions jittered by up to {@code jitter} Å. */
    static Structure llzo(ForceField ff, int na, int nb, int nc, double jitter, long seed) {
        Structure s = StructureFiles.read(conf("structures/llzo-tetragonal-192.extxyz"), null, ff.species())
                .replicate(na, nb, nc);
        s.atoms().chargesFromSpecies();
        jitter(s.atoms(), jitter, seed);
        return s;
    }

    /** bcc Li, a = 3.51 Å, m × m × m conventional cells, jittered. */
    static Structure bccLi(ForceField ff, int m, double jitter, long seed) {
        double a = 3.51;
        Atoms atoms = new Atoms(ff.species(), 2 * m * m * m);
        int k = 0;
        for (int z = 0; z < m; z++) {
            for (int y = 0; y < m; y++) {
                for (int x = 0; x < m; x++) {
                    for (int b = 0; b < 2; b++) {
                        atoms.x[3 * k] = a * (x + 0.5 * b);
                        atoms.x[3 * k + 1] = a * (y + 0.5 * b);
                        atoms.x[3 * k + 2] = a * (z + 0.5 * b);
                        atoms.type[k] = 0;
                        atoms.id[k] = k + 1;
                        k++;
                    }
                }
            }
        }
        atoms.chargesFromSpecies();
        jitter(atoms, jitter, seed);
        return new Structure(atoms, Box.orthorhombic(a * m, a * m, a * m), "bcc Li test lattice");
    }

    static void jitter(Atoms atoms, double amplitude, long seed) {
        Random r = new Random(seed);
        for (int k = 0; k < 3 * atoms.nlocal; k++) {
            atoms.x[k] += amplitude * (2 * r.nextDouble() - 1);
        }
    }

    /** Tilts the cell (positions follow affinely), making it triclinic. */
    static void tilt(Structure s, double xy, double xz, double yz) {
        Box b = s.box();
        b.reshape(s.atoms().x, s.atoms().nlocal, b.xlo(), b.ylo(), b.zlo(), b.lx(), b.ly(), b.lz(), xy, xz, yz);
    }

    /** Maxwell-Boltzmann velocities at temperature T (no drift removal needed for these tests). */
    static void velocities(Atoms atoms, double temperatureK, long seed) {
        Random r = new Random(seed);
        for (int i = 0; i < atoms.nlocal; i++) {
            double sd = Math.sqrt(Units.BOLTZMANN_EV_PER_K * temperatureK / (atoms.mass(i) * Units.MVV_TO_EV));
            for (int c = 0; c < 3; c++) {
                atoms.v[3 * i + c] = sd * r.nextGaussian();
            }
        }
    }
}
