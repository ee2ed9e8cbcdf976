package com.switchback.migration;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The configured backends, by name. */
@Component
public class MigrationBackends {

    private final Map<String, MigrationBackend> byName;

    MigrationBackends(ObjectProvider<MigrationBackend> backends) {
        this.byName = backends.orderedStream().collect(Collectors.toMap(MigrationBackend::name, Function.identity()));
    }

    public MigrationBackend get(String name) {
        MigrationBackend b = byName.get(name);
        if (b == null) {
            throw new IllegalStateException("No backend named '" + name + "' is configured.");
        }
        return b;
    }

    public List<MigrationBackend> all() {
        return List.copyOf(byName.values());
    }
}
