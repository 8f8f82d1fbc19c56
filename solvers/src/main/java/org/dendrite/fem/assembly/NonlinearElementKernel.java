package org.dendrite.fem.assembly;

import org.dendrite.fem.element.ElementValues;

/**
 * One element's contribution to a nonlinear residual R(u) and its consistent tangent ∂R/∂u.
 * {@code ue} holds the element's local dofs (node-major, as in {@link ElementKernel});
 * {@code re} and {@code ke} are zeroed before the call; {@code ke} is null when only the residual
 * is wanted. Must not allocate.
 */
@FunctionalInterface
public interface NonlinearElementKernel {
    void compute(ElementValues ev, double[] ue, double[] re, double[] ke);
}
