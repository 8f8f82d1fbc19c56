package org.dendrite.md.engine;

import org.dendrite.md.Box;

/**
 * Owned-atom positions (Å, 3 per atom) and box at the last neighbour-list build; part of a
 * checkpoint so that a restart reproduces the uninterrupted run bit for bit.
 */
public record BuildReference(double[] positions, Box box) {
}
