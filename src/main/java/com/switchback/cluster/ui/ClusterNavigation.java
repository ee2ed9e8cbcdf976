package com.switchback.cluster.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteParameters;

/** How other features open a cluster. The URL is the source of truth for which cluster is shown. */
public final class ClusterNavigation {

    private ClusterNavigation() {
    }

    public static void navigateToCluster(String clusterId) {
        UI.getCurrent().navigate(ClusterView.class, new RouteParameters(ClusterView.ID, clusterId));
    }

    public static String clusterPath(String clusterId) {
        return "clusters/" + clusterId;
    }
}
