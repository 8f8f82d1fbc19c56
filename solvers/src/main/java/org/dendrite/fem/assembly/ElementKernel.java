package org.dendrite.fem.assembly;

import org.dendrite.fem.element.ElementValues;

/**
 * One term (or a sum of terms) of a linear weak form on one element, MOOSE-style: given the
 * element's quadrature values, add its local matrix and load vector.
 *
 * <p>Local dof order is node-major: local dof {@code a*components + c} is component c of local node
 * a. {@code ke} is row-major, (npe·components)², and {@code fe} has npe·components entries; both
 * are zeroed by the {@link Assembler} before the call and must only be added to. Kernels must not
 * allocate (they run once per element).
 */
@FunctionalInterface
public interface ElementKernel {
    void compute(ElementValues ev, double[] ke, double[] fe);

    /** This kernel followed by {@code other} on the same element. */
    default ElementKernel plus(ElementKernel other) {
        return (ev, ke, fe) -> {
            compute(ev, ke, fe);
            other.compute(ev, ke, fe);
        };
    }
}
