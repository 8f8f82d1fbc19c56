package org.dendrite.md.integrate;

import org.dendrite.config.ParamException;
import org.dendrite.config.Params;

/**
 * Target temperature of a thermostat: {@code temperature_K} (constant) or
 * {@code temperature_start_K} and {@code temperature_stop_K}, ramped linearly over the stage as
 * LAMMPS' Tstart/Tstop (e.g. heating at 0.02 K/fs = 1000 K over 50 ps).
 */
record TemperatureRamp(double startK, double stopK) {
    /** A ramp whose start may be 0 K (stochastic and rescaling thermostats). */
    static TemperatureRamp parse(Params p) {
        return parse(p, true);
    }

    /**
     * A ramp; with {@code zeroStartAllowed} false the start must be positive (Nosé–Hoover chain
     * masses are proportional to the target temperature; LAMMPS fix nvt rejects 0 K as well).
     */
    static TemperatureRamp parse(Params p, boolean zeroStartAllowed) {
        boolean constant = p.has("temperature_K");
        boolean ramp = p.has("temperature_start_K") || p.has("temperature_stop_K");
        if (constant && ramp) {
            throw new ParamException(p.pathOf("temperature_K"),
                    "give either temperature_K or temperature_start_K/temperature_stop_K, not both");
        }
        if (constant) {
            double t = p.requirePositive("temperature_K");
            return new TemperatureRamp(t, t);
        }
        if (!ramp) {
            throw new ParamException(p.pathOf("temperature_K"), "is required (or temperature_start_K and temperature_stop_K)");
        }
        double t0 = p.requireDouble("temperature_start_K");
        double t1 = p.requirePositive("temperature_stop_K");
        if (t0 < 0 || (!zeroStartAllowed && t0 == 0)) {
            throw new ParamException(p.pathOf("temperature_start_K"), (zeroStartAllowed ? "must be >= 0" : "must be > 0"
                    + " for a Nosé–Hoover thermostat") + ", got " + t0);
        }
        return new TemperatureRamp(t0, t1);
    }
}
