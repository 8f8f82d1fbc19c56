package org.dendrite.partition.comm;

/**
 * A {@link Transport} whose global sums are built from its own point-to-point messages, along the
 * fixed binomial tree of {@link RankOrderedSum}, so every transport gives the same bits. A
 * transport only has to move messages.
 */
public abstract class PointToPointTransport implements Transport {
    private final RankOrderedSum summer = new RankOrderedSum();

    @Override
    public final void sum(double[] values, int n) {
        summer.sum(this, values, n);
    }

    @Override
    public final void startSum(double[] values, int n) {
        summer.start(this, values, n);
    }

    @Override
    public final void finishSum(double[] values, int n) {
        summer.finish(this, values, n);
    }
}
