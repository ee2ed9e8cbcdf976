package com.switchback.audit;

import java.io.IOException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import com.switchback.base.KeyMaterial;
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

    private static final KeyMaterial MATERIAL = new KeyMaterial("audit key", "SWITCHBACK_AUDIT_KEY", "audit.key");

    private final byte[] key;
    private final String id;

    AuditKey(@Value("${switchback.audit.key:}") String base64, @Value("${switchback.audit.key-file:}") String file,
             @Value("${spring.datasource.url:}") String datasourceUrl,
             @Value("${switchback.embedded.data-dir:}") String embeddedDataDir) throws IOException {
        this.key = MATERIAL.load(base64, file, !StringUtils.hasText(datasourceUrl), embeddedDataDir,
                "It signs the audit trail's checkpoints and must be kept outside the database; see docs/security.md.");
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
        return MATERIAL.decode(text, where);
    }
}
