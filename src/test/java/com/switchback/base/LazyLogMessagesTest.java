package com.switchback.base;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Spring's messages for levels that are off are never built (commons-logging.properties): on every
 * secured call and every request, building them cost more than the call itself.
 */
class LazyLogMessagesTest {

    private final AtomicInteger built = new AtomicInteger();
    private final Object message = new Object() {
        @Override
        public String toString() {
            built.incrementAndGet();
            return "a message";
        }
    };

    @Test
    void aMessageForALevelThatIsOffIsNotBuilt() {
        Log log = LogFactory.getLog("com.switchback.quiet");
        log.debug(message);
        log.trace(message);
        assertThat(log.isDebugEnabled()).isFalse();
        assertThat(built).hasValue(0);
    }

    @Test
    void aMessageForALevelThatIsOnStillReachesLogback() {
        Logger logback = (Logger) LoggerFactory.getLogger("com.switchback.heard");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logback.addAppender(appender);
        try {
            LogFactory.getLog("com.switchback.heard").info(message);
        } finally {
            logback.detachAppender(appender);
        }
        assertThat(built).hasValue(1);
        assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly("a message");
        // The line names the class that logged, not the bridges in between.
        assertThat(appender.list.getFirst().getLoggerName()).isEqualTo("com.switchback.heard");
    }
}
