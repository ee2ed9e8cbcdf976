package com.switchback.migration.aliyun;

import com.switchback.migration.Endpoint;
import com.switchback.migration.MigrationSnapshot;
import com.switchback.migration.RequestPlan.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The service's preconditions for swapping endpoints (SwapConnectionString=true), from its user
 * guide: an endpoint is exchanged only if its type (private or public) exists on both sides, and
 * ports are not exchanged, so both sides must use the same port. A type on one side only is not
 * switched: a warning, since that endpoint keeps reaching the side it is on.
 *
 * <p>{@code ConnectionStrings} (which endpoints to swap) is not sent: without it the service swaps
 * every pair it can, which is what these checks describe; Switchback offers all or none.
 */
final class EndpointSwap {

    static final String NAME = "Endpoints can be swapped";

    private EndpointSwap() {
    }

    static List<Check> checks(MigrationSnapshot s) {
        Map<String, List<Endpoint>> rds = byNetType(s, Endpoint.Side.RDS);
        Map<String, List<Endpoint>> polardb = byNetType(s, Endpoint.Side.POLARDB);
        List<Check> checks = new ArrayList<>();
        TreeSet<String> types = new TreeSet<>(rds.keySet());
        types.addAll(polardb.keySet());
        boolean anyPair = false;
        for (String type : types) {
            List<Endpoint> r = rds.getOrDefault(type, List.of());
            List<Endpoint> p = polardb.getOrDefault(type, List.of());
            String name = NAME + " (" + type + ")";
            if (r.isEmpty() || p.isEmpty()) {
                String only = r.isEmpty() ? "PolarDB" : s.sourceLabel().replace("Source ", "the source ");
                checks.add(Check.warn(name, "Not switched: only " + only + " has a " + type.toLowerCase()
                        + " endpoint (" + addresses(r.isEmpty() ? p : r) + "); it keeps reaching the side it is on.",
                        "Add a " + type.toLowerCase() + " endpoint to the other side in the Alibaba Cloud console "
                                + "if applications use it, or point them at the new writer after the switch."));
                continue;
            }
            anyPair = true;
            TreeSet<Integer> rdsPorts = r.stream().map(Endpoint::port).collect(Collectors.toCollection(TreeSet::new));
            TreeSet<Integer> polarPorts = p.stream().map(Endpoint::port).collect(Collectors.toCollection(TreeSet::new));
            if (!rdsPorts.equals(polarPorts) || rdsPorts.size() != 1) {
                checks.add(Check.fail(name, "Ports differ: " + s.sourceLabel() + " " + rdsPorts + ", PolarDB "
                                + polarPorts + ". The service swaps host names, not ports, so applications would "
                                + "reach the other side on the wrong port.",
                        "Give both sides' " + type.toLowerCase() + " endpoints the same port in the Alibaba Cloud "
                                + "console, or switch without swapping endpoints."));
            } else {
                checks.add(new Check(name, true, addresses(r) + " ⇄ " + addresses(p) + " (port " + rdsPorts.first() + ")."));
            }
        }
        if (!anyPair) {
            checks.add(Check.fail(NAME, "No endpoint type exists on both sides, so nothing would be swapped.",
                    "Add matching endpoints in the Alibaba Cloud console, or switch without swapping endpoints."));
        }
        return checks;
    }

    private static Map<String, List<Endpoint>> byNetType(MigrationSnapshot s, Endpoint.Side side) {
        return s.endpoints().stream().filter(e -> e.side() == side)
                .collect(Collectors.groupingBy(e -> netType(e.netType()), TreeMap::new, Collectors.toList()));
    }

    /** The API says Private/Public (older answers: Intranet/Internet); shown as the console names them. */
    private static String netType(String raw) {
        return switch (raw == null ? "" : raw.toLowerCase()) {
            case "private", "intranet", "inner", "vpc" -> "Private";
            case "public", "internet" -> "Public";
            default -> raw == null || raw.isBlank() ? "Unknown" : raw;
        };
    }

    private static String addresses(List<Endpoint> list) {
        return list.stream().map(Endpoint::address).distinct().collect(Collectors.joining(", "));
    }
}
