package com.switchback.base;

import java.util.Set;
import java.util.function.Consumer;

/** Tells listeners which clusters changed, after each change is committed (on a background thread). */
public interface LiveChanges {

    /** Listens for batches of changed cluster ids; call the returned handle to stop. */
    Runnable subscribe(Consumer<Set<String>> listener);
}
