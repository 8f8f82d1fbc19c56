package org.dendrite.md.integrate;

import java.util.List;

import org.dendrite.config.ParamException;
import org.dendrite.config.Params;

/**
 * Isothermal–isobaric ensemble, LAMMPS {@code fix npt} (Nosé–Hoover chains + MTK barostat).
 * Keys: temperature (as nvt), tdamp_ps, tchain, tloop; pressure_bar or
 * pressure_start_bar/pressure_stop_bar (ramp), pdamp_ps (default 1.0), pchain (3), ploop (1),
 * couple: iso|aniso (default iso), axes: [x, y, z] (default all; e.g. [x, y] barostats only the
 * lateral axes, LAMMPS {@code x P P Pdamp y P P Pdamp}), mtk: true.
 *
 * <p>LAMMPS mapping: {@code couple: iso} with all axes is {@code iso}; {@code couple: aniso} is
 * {@code aniso} (or {@code x … y … z …} with couple none); {@code couple: iso} with two axes is
 * {@code x … y … couple xy}.
 */
public final class NptStage extends NoseHooverStage {
    public NptStage(Params p) {
        super("npt", p);
        if (hasRegion()) {
            throw new ParamException(p.pathOf("region"), "is not supported by npt (the barostat acts on the whole"
                    + " cell); use nvt, langevin, berendsen or csvr for a region thermostat");
        }
        NoseHooverIntegrator.Thermostat t = NoseHooverIntegrator.Thermostat.parse(p);
        NoseHooverIntegrator.Barostat b = parseBarostat(p, null, "pressure", "iso");
        use(new NoseHooverIntegrator(t, b));
        p.finish();
    }

    /**
     * Reads the barostat keys. {@code prefix} names the pressure keys ("pressure" gives
     * pressure_bar, pressure_start_bar, pressure_stop_bar). With {@code fixedAxes} null the axes
     * come from the {@code axes} key (default all three); otherwise they are fixed by the stage.
     */
    static NoseHooverIntegrator.Barostat parseBarostat(Params p, boolean[] fixedAxes, String prefix,
                                                       String defaultCouple) {
        String key = prefix + "_bar";
        String startKey = prefix + "_start_bar";
        String stopKey = prefix + "_stop_bar";
        double p0, p1;
        if (p.has(key) && (p.has(startKey) || p.has(stopKey))) {
            throw new ParamException(p.pathOf(key), "give either " + key + " or " + startKey + "/" + stopKey + ", not both");
        }
        if (p.has(startKey) || p.has(stopKey)) {
            p0 = p.requireDouble(startKey);
            p1 = p.requireDouble(stopKey);
        } else {
            p0 = p.getDouble(key, 0.0);
            p1 = p0;
        }
        double pdamp = p.getPositive("pdamp_ps", 1.0);
        int pchain = p.getInt("pchain", 3);
        if (pchain < 0) {
            throw new ParamException(p.pathOf("pchain"), "must be >= 0, got " + pchain);
        }
        int ploop = p.getInt("ploop", 1);
        if (ploop < 1) {
            throw new ParamException(p.pathOf("ploop"), "must be >= 1, got " + ploop);
        }
        String couple = p.getChoice("couple", defaultCouple, "iso", "aniso");
        boolean mtk = p.getBoolean("mtk", true);
        boolean[] axes = fixedAxes != null ? fixedAxes.clone() : new boolean[] {true, true, true};
        List<String> list = fixedAxes != null ? null : p.getStrings("axes");
        if (list != null) {
            axes = new boolean[3];
            for (String a : list) {
                if (!a.equals("x") && !a.equals("y") && !a.equals("z")) {
                    throw new ParamException(p.pathOf("axes"), "entries must be x, y or z, got '" + a + "'");
                }
                int k = a.charAt(0) - 'x';
                if (axes[k]) {
                    throw new ParamException(p.pathOf("axes"), "lists " + a + " twice");
                }
                axes[k] = true;
            }
            if (list.isEmpty()) {
                throw new ParamException(p.pathOf("axes"), "must name at least one axis");
            }
        }
        return new NoseHooverIntegrator.Barostat(axes, p0, p1, pdamp, pchain, ploop, couple.equals("iso"), mtk);
    }

    @Override
    protected boolean needsVirialEveryStep() {
        return true;
    }
}
