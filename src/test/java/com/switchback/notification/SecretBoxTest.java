package com.switchback.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Secrets sealed under the key from the environment; without one, a deployment starts with channels off. */
class SecretBoxTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String DATABASE = "jdbc:postgresql://db.example.internal/switchback";

    @Test
    void aSealedSecretOpensOnlyUnderItsKeyAndNeverReadsAsItself() throws Exception {
        SecretBox box = new SecretBox(KEY, "", DATABASE, "");
        String sealed = box.seal("https://hooks.slack.com/services/T/B/secret");
        assertThat(sealed).doesNotContain("hooks.slack.com").isNotEqualTo(box.seal("https://hooks.slack.com/services/T/B/secret"));
        assertThat(box.open(sealed)).isEqualTo("https://hooks.slack.com/services/T/B/secret");
        byte[] other = new byte[32];
        other[0] = 1;
        SecretBox otherKey = new SecretBox(Base64.getEncoder().encodeToString(other), "", DATABASE, "");
        assertThatThrownBy(() -> otherKey.open(sealed)).hasMessageContaining("SWITCHBACK_SECRET_KEY");
    }

    @Test
    void withoutAKeyTheConsoleStartsButNoSecretIsSealedOrOpened() throws Exception {
        SecretBox box = new SecretBox("", "", DATABASE, "");
        assertThat(box.unavailable()).startsWith("No secret key: set SWITCHBACK_SECRET_KEY");
        assertThatThrownBy(() -> box.seal("x")).hasMessageStartingWith("No secret key");
        assertThatThrownBy(() -> box.open("x")).hasMessageStartingWith("No secret key");
    }
}
