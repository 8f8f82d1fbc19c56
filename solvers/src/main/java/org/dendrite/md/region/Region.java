package org.dendrite.md.region;

/**
 * A region of space as the config describes it (LAMMPS {@code region}): a shape with its
 * coordinates in Å or in fractions of the box, not yet placed in a particular box. Builders,
 * stages and analyses {@link #place} it in the box they work on and test points with the
 * resulting {@link PlacedRegion}; a region given in fractions follows the box when it changes.
 * Parse one with {@link Regions#parse}; see that class for the config syntax.
 */
public interface Region {
    /**
     * The region in {@code box}: fractions are resolved against it and periodic images are taken
     * around the region's centre, so a region that crosses a periodic boundary selects the atoms on
     * both sides.
     *
     * @throws org.dendrite.config.ParamException naming the key that places the region when the
     *         region lies wholly outside the box
     */
    PlacedRegion place(org.dendrite.md.Box box);

    /** One-line description with units, for reports and messages. */
    String describe();
}
