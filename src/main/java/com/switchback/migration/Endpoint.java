package com.switchback.migration;

/** One entry of {@code DBClusterEndpointList} or {@code RdsEndpointList}. */
public record Endpoint(Side side, String endpointId, String type, String connectionString, int port, String netType) {

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
