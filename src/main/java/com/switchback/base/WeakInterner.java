package com.switchback.base;

import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * One instance of each equal value for as long as anybody holds it: rows that many open pages show
 * are kept once instead of once per page (DD020). Values nobody holds any more are collected.
 */
public final class WeakInterner<T> {

    private final Map<T, WeakReference<T>> held = new WeakHashMap<>();

    /** The instance equal to {@code value} that is already held, else {@code value} itself, now held. */
    public synchronized T intern(T value) {
        WeakReference<T> ref = held.get(value);
        T kept = ref == null ? null : ref.get();
        if (kept != null) {
            return kept;
        }
        held.put(value, new WeakReference<>(value));
        return value;
    }
}
