package org.dendrite.md.build;

import org.dendrite.config.Params;

/**
 * Changes a built model in place: one entry of a {@code modify:} list (crack, vacancies, dopants,
 * delete a region, …), registered by its {@code type} in {@link StructureBuilders}. Reads its keys
 * from {@code p} (without {@code type}), calls {@code p.finish()}, reports under {@code p.path()}.
 */
@FunctionalInterface
public interface ModelModifier {
    void apply(AtomicModel model, Params p, BuildContext ctx);
}
