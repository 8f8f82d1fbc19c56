package org.dendrite.md.integrate;

import org.dendrite.config.Params;

/**
 * Canonical ensemble by a Nosé–Hoover chain, LAMMPS {@code fix nvt temp Tstart Tstop Tdamp tchain
 * N tloop M}. Keys: temperature_K or temperature_start_K/temperature_stop_K (linear ramp over the
 * stage), tdamp_ps (default 0.1), tchain (3), tloop (1), steps|duration_ps, timestep_fs; optional
 * region (thermostat only the atoms inside; the others follow plain NVE) and freeze_outside.
 */
public final class NvtStage extends NoseHooverStage {
    public NvtStage(Params p) {
        super("nvt", p);
        use(new NoseHooverIntegrator(NoseHooverIntegrator.Thermostat.parse(p), null));
        p.finish();
    }
}
