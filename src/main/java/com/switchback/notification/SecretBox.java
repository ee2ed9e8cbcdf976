package com.switchback.notification;

import com.switchback.base.KeyMaterial;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Encrypts what a channel must keep secret (its webhook address, signing secret or SMTP password) with
 * AES-256-GCM under a key kept outside the database: {@code SWITCHBACK_SECRET_KEY} (base64) or a file;
 * the embedded demo generates one into its data folder. A stolen database dump holds no usable secret.
 * A deployment without a key still starts (an upgrade must not stop the console): no channel can be
 * saved or used until the key is set, and the channels page says so.
 */
@Component
public class SecretBox {

    private static final KeyMaterial MATERIAL = new KeyMaterial("secret key", "SWITCHBACK_SECRET_KEY", "secret.key");
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final String missing;
    private final SecureRandom random = new SecureRandom();

    SecretBox(@Value("${switchback.secret.key:}") String base64, @Value("${switchback.secret.key-file:}") String file,
              @Value("${spring.datasource.url:}") String datasourceUrl,
              @Value("${switchback.embedded.data-dir:}") String embeddedDataDir) throws IOException {
        byte[] bytes;
        String why = null;
        try {
            bytes = MATERIAL.load(base64, file, !StringUtils.hasText(datasourceUrl), embeddedDataDir,
                    "It encrypts the notification channels' secrets and must be kept outside the database.");
        } catch (IllegalStateException e) {
            bytes = null;
            why = e.getMessage();
            log.warn("Notification channels are off: {}", why);
        }
        this.key = bytes == null ? null : new SecretKeySpec(Arrays.copyOf(bytes, 32), "AES");
        this.missing = why;
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SecretBox.class);

    /** Why no secret can be sealed or opened (no key is configured), or null when they can. */
    public String unavailable() {
        return missing;
    }

    private void check() {
        if (missing != null) {
            throw new IllegalStateException(missing);
        }
    }

    /** Base64 of a fresh IV followed by the ciphertext and its tag. */
    public String seal(String plain) {
        check();
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv)
                    .put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** The plain text; fails when it was sealed under another key or changed since. */
    public String open(String sealed) {
        check();
        try {
            byte[] all = Base64.getDecoder().decode(sealed);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            return new String(c.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("A channel secret could not be decrypted: was SWITCHBACK_SECRET_KEY changed?");
        }
    }
}
