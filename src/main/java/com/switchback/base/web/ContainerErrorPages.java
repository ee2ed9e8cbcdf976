package com.switchback.base.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.Container;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Errors the servlet container raises itself, before the application sees the request (a
 * malformed address such as an encoded slash, a header too large), get the console's error page
 * instead of the container's own, which names the server and its version.
 */
@Component
class ContainerErrorPages implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Container parent = context.getParent();
            if (parent instanceof StandardHost host) {
                // The host adds a valve of this class when it starts, in place of Tomcat's own.
                host.setErrorReportValveClass(Valve.class.getName());
            }
        });
    }

    /** Tomcat's error report, written as the console's page; never the exception or the server. */
    public static class Valve extends ErrorReportValve {

        public Valve() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            try {
                response.setContentType("text/html");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.setHeader("Cache-Control", "no-store");
                String home = request.getContext() == null ? "/" : request.getContext().getPath() + "/";
                Writer writer = response.getReporter();
                if (writer != null) {
                    java.util.Locale locale = com.switchback.base.i18n.Messages.of(request);
                    writer.write(ErrorPages.html(ErrorPages.of(status, null, locale), home, locale));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // The client is gone or the response was taken: nothing more to say.
            }
        }
    }
}
