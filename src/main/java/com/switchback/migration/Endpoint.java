package com.switchback.migration;

/**
 * One entry of {@code DBClusterEndpointList} or {@code RdsEndpointList}: the side it belongs to by
 * name, and the side it routes to now ({@code routesTo}; null when that could not be read). After a
 * swap the two differ: the RDS endpoint routes to PolarDB.
 */
public record Endpoint(Side side, String endpointId, String type, String connectionString, int port, String netType,
                       Side routesTo) {

    /** An endpoint that routes to its own side (where the backend reports endpoints that way). */
    public Endpoint(Side side, String endpointId, String type, String connectionString, int port, String netType) {
        this(side, endpointId, type, connectionString, port, netType, side);
    }

    /** host:port, as an application's connection string names it. */
    public String address() {
        return connectionString + ":" + port;
    }

    public enum Side {
        RDS("Source RDS"),
        POLARDB("PolarDB");

        private final String label;

        Side(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
