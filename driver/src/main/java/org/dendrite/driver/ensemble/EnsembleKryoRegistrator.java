package org.dendrite.driver.ensemble;

import com.esotericsoftware.kryo.Kryo;

import org.apache.spark.serializer.KryoRegistrator;

/**
 * Registers what the ensemble sends through Spark's serializer ({@code spark.kryo.registrationRequired=true},
 * so an unregistered class fails the task at once instead of silently writing class names). This is
 * Spark's Kryo 4 ({@code com.esotericsoftware.kryo}); the halo exchange uses the relocated Kryo 5
 * (dependencies.md, P1).
 */
public final class EnsembleKryoRegistrator implements KryoRegistrator {
    @Override
    public void registerClasses(Kryo kryo) {
        kryo.register(Member.class);
        kryo.register(Member[].class);
        kryo.register(MemberResult.class);
        kryo.register(MemberResult[].class);
        kryo.register(String[].class);
        kryo.register(Object[].class);
        kryo.register(double[].class);
        kryo.register(int[].class);
        kryo.register(byte[].class);
    }
}
