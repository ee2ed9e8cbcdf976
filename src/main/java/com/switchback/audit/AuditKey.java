package com.switchback.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The key that signs the audit trail's checkpoints. It never enters the database: it comes from
 * {@code SWITCHBACK_AUDIT_KEY} (base64) or a file; the embedded database generates one into its data
 * folder (next to the PostgreSQL data), or keeps a throw-away one when it has no data folder (tests).
 * A configured database with no key is refused at start-up: its trail would have no anchor.
 */
@Component
public class AuditKey {

    private static final Logger log = LoggerFactory.getLogger(AuditKey.class);
    static final int MIN_BYTES = 32;

    private final byte[] key;
    private final String id;

    AuditKey(@Value("${switchback.audit.key:}") String base64, @Value("${switchback.audit.key-file:}") String file,
             @Value("${spring.datasource.url:}") String datasourceUrl,
             @Value("${switchback.embedded.data-dir:}") String embeddedDataDir) throws IOException {
        this.key = load(base64, file, !StringUtils.hasText(datasourceUrl), embeddedDataDir);
        this.id = idOf(key);
    }

    /** A short, public name of the key, stored with each checkpoint, so a checkpoint names the key it needs. */
    public String id() {
        return id;
    }

    String sign(byte[] content) {
        return hmac(key, content);
    }

    /** For checking signatures in this package; never leaves it. */
    byte[] bytes() {
        return key.clone();
    }

    static String hmac(byte[] key, byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(content));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    static String idOf(byte[] key) {
        return HexFormat.of().formatHex(AuditChain.sha256(key)).substring(0, 12);
    }

    /** The key in a file or a variable: base64 text, 32 bytes or more once decoded. */
    static byte[] decode(String text, String where) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The audit key in " + where + " is not base64.");
        }
        if (bytes.length < MIN_BYTES) {
            throw new IllegalStateException("The audit key in " + where + " has " + bytes.length + " bytes; it needs "
                    + MIN_BYTES + " or more (for example: head -c 32 /dev/urandom | base64).");
        }
        return bytes;
    }

    private static byte[] load(String base64, String file, boolean embedded, String dataDir) throws IOException {
        if (StringUtils.hasText(base64)) {
            return decode(base64, "SWITCHBACK_AUDIT_KEY");
        }
        if (StringUtils.hasText(file)) {
            return decode(Files.readString(Path.of(file)), file);
        }
        if (!embedded) {
            throw new IllegalStateException("No audit key: set SWITCHBACK_AUDIT_KEY (base64 of 32 random bytes or more, "
                    + "e.g. head -c 32 /dev/urandom | base64) or SWITCHBACK_AUDIT_KEY_FILE. It signs the audit trail's "
                    + "checkpoints and must be kept outside the database; see docs/security.md.");
        }
        if (!StringUtils.hasText(dataDir)) {
            log.info("Audit checkpoints are signed with a throw-away key (embedded database without a data folder).");
            return random();
        }
        Path parent = Path.of(dataDir).toAbsolutePath().getParent();
        Path keyFile = parent.resolve("audit.key");
        if (!Files.exists(keyFile)) {
            Files.createDirectories(parent);
            Files.writeString(keyFile, Base64.getEncoder().encodeToString(random()) + "\n");
            try {
                Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Not a POSIX file system: the folder's own permissions apply.
            }
            log.info("Generated the audit checkpoint key in {} (kept outside the database).", keyFile);
        }
        return decode(Files.readString(keyFile), keyFile.toString());
    }

    private static byte[] random() {
        byte[] bytes = new byte[MIN_BYTES];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
