package com.switchback.base.web;

import jakarta.servlet.ServletContext;
import jakarta.websocket.server.ServerContainer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * The buffers each open page holds on the server, sized for what a console page sends and receives.
 * Every open page keeps its push WebSocket and one plain connection (its requests and its liveness
 * probe) open for as long as it is open, and Tomcat's buffers for each are sized for throughput, not for many quiet connections: they
 * were most of the heap an open page cost. Pages receive over the WebSocket and send over plain
 * requests (Application's {@code @Push}), so the WebSocket's receiving buffers can be small.
 * docs/decisions/DD019-lean-connections.md
 */
@Component
class ConnectionBuffers implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    /** A connection's socket buffers, each way (Tomcat's default is 8 KB): a page's messages are small. */
    static final int SOCKET_BUFFER = 4096;
    /**
     * The WebSocket's frame and output buffers (Tomcat's default is 8 KB). A live update is a few hundred
     * bytes; a longer message goes in 1 KB frames, which the browser joins again.
     */
    static final int WEBSOCKET_BUFFER = 1024;
    /**
     * What a WebSocket first allocates to receive a message: a page sends nothing over it but the push
     * protocol's few bytes. A longer message (up to the push set-up's limit) grows the buffer then.
     */
    static final int WEBSOCKET_FIRST_RECEIVE = 256;

    static {
        // Read once, when Tomcat's WebSocket classes load: before the server starts. An operator's own value wins.
        if (System.getProperty("org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE") == null) {
            System.setProperty("org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE", Integer.toString(WEBSOCKET_BUFFER));
        }
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> {
            connector.setProperty("socket.appReadBufSize", Integer.toString(SOCKET_BUFFER));
            connector.setProperty("socket.appWriteBufSize", Integer.toString(SOCKET_BUFFER));
        });
    }

    /**
     * The WebSocket container's first receiving buffers, and the push set-up's own. Set when the
     * application starts, after Vaadin has set up push (once every bean exists) and before the
     * connector accepts connections (the web server starts in a later phase).
     */
    @Component
    static class WebSocketBuffers implements org.springframework.context.SmartLifecycle {

        private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(WebSocketBuffers.class);
        private final ServletContext servletContext;
        private volatile boolean running;

        WebSocketBuffers(ServletContext servletContext) {
            this.servletContext = servletContext;
        }

        @Override
        public void start() {
            if (servletContext.getAttribute(ServerContainer.class.getName()) instanceof ServerContainer webSockets) {
                webSockets.setDefaultMaxTextMessageBufferSize(WEBSOCKET_FIRST_RECEIVE);
                webSockets.setDefaultMaxBinaryMessageBufferSize(WEBSOCKET_FIRST_RECEIVE);
            }
            // Atmosphere gives every WebSocket a byte and a character buffer of this size (Vaadin sets 16 K:
            // 48 KB a page) that it never writes to, only clears. Read as each WebSocket opens.
            java.util.Collections.list(servletContext.getAttributeNames()).stream()
                    .map(servletContext::getAttribute)
                    .filter(org.atmosphere.cpr.AtmosphereFramework.class::isInstance)
                    .map(org.atmosphere.cpr.AtmosphereFramework.class::cast)
                    .forEach(push -> {
                        push.addInitParameter(org.atmosphere.cpr.ApplicationConfig.WEBSOCKET_BUFFER_SIZE,
                                Integer.toString(WEBSOCKET_FIRST_RECEIVE));
                        log.info("Push WebSockets: {} bytes for Atmosphere's unused buffers", WEBSOCKET_FIRST_RECEIVE);
                    });
            running = true;
        }

        @Override
        public void stop() {
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        @Override
        public int getPhase() {
            return Integer.MIN_VALUE;
        }
    }
}
