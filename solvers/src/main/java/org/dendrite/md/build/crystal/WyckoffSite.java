package org.dendrite.md.build.crystal;

/**
 * One crystallographic site of a structure: the element on it, its Wyckoff letter and multiplicity
 * in the conventional cell, and a representative position (fractional coordinates in the group's
 * setting). The multiplicity is stated, not computed, so that generating the cell checks it.
 */
public record WyckoffSite(String label, String element, String wyckoff, int multiplicity, double x, double y, double z) {
}
