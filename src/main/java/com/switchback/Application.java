package com.switchback;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;
import com.vaadin.flow.component.dependency.StyleSheet;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Switchback: a console for RDS for MySQL → PolarDB migrations. */
@SpringBootApplication
@ConfigurationPropertiesScan
// Server to page over a WebSocket, page to server over plain requests: the WebSocket then never has
// to hold a page's largest message, and its buffers stay small (base.web.ConnectionBuffers).
@Push(transport = com.vaadin.flow.shared.ui.Transport.WEBSOCKET_XHR)
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/switchback.css")
public class Application implements AppShellConfigurator {

    /** Two arrows, one each way: a switch over and a switch back. */
    public static final String FAVICON = "data:image/svg+xml," + java.net.URLEncoder.encode(
            "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'><rect width='32' height='32' rx='6' fill='#1a5fb4'/>"
            + "<path d='M7 11h15l-4-4M25 21H10l4 4' stroke='#fff' stroke-width='3' fill='none' stroke-linecap='round' "
            + "stroke-linejoin='round'/></svg>", java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Switchback");
        // Inline, so the login page needs no extra request (and the browser asks for no /favicon.ico).
        settings.addFavIcon("icon", FAVICON, "any");
    }

    public static void main(String[] args) {
        SpringApplication.run(Application.class, args);
    }
}
