package org.dendrite.md.build;

import org.dendrite.config.Params;

/**
 * Makes a model system from one {@code structure:} mapping (or a nested one: a grain of a
 * bicrystal, a slab of a stack). Registered by its {@code type} name in {@link StructureBuilders}.
 * An implementation reads its keys from {@code p} (the generic keys {@code type}, {@code replicate}
 * and {@code modify} are handled by {@link StructureBuilders}), calls {@code p.finish()}, and
 * records what it made in {@code ctx.report()} under {@code p.path()}.
 * Bad input throws {@link org.dendrite.config.ParamException} naming the key.
 */
@FunctionalInterface
public interface StructureBuilder {
    AtomicModel build(Params p, BuildContext ctx);
}
