package com.switchback.base.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;

/**
 * The page for an address that is no route is answered with HTTP 404, not 200. The router draws
 * {@link NotFoundView} after the page has loaded, too late to set the status, so the bootstrap
 * response asks the route registry itself.
 */
@Component
class NotFoundStatus implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(page -> {
            String path = page.getVaadinRequest().getPathInfo();
            String route = path == null ? "" : path.startsWith("/") ? path.substring(1) : path;
            var registry = page.getVaadinRequest().getService().getRouter().getRegistry();
            if (registry.getNavigationTarget(route).isEmpty()) {
                page.getVaadinResponse().setStatus(HttpServletResponse.SC_NOT_FOUND);
            }
        });
    }
}
