package com.switchback.base;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.StringUtils;

/**
 * A key kept outside the database (the audit trail's signing key, the notification secrets' key): from
 * an environment variable (base64) or a file; the embedded demo generates one into its data folder,
 * next to the PostgreSQL data, or keeps a throw-away one when it has no data folder (tests). A
 * configured database with no key is refused at start-up, with what to set.
 *
 * @param what     what the key is for, as messages name it ("audit key")
 * @param variable the environment variable that holds it
 * @param fileName the file the embedded demo keeps it in
 */
public record KeyMaterial(String what, String variable, String fileName) {

    private static final Logger log = LoggerFactory.getLogger(KeyMaterial.class);
    public static final int MIN_BYTES = 32;

    /** The key from {@code base64}, else {@code file}, else (embedded only) the data folder or a throw-away one. */
    public byte[] load(String base64, String file, boolean embedded, String dataDir, String purpose) throws IOException {
        if (StringUtils.hasText(base64)) {
            return decode(base64, variable);
        }
        if (StringUtils.hasText(file)) {
            return decode(Files.readString(Path.of(file)), file);
        }
        if (!embedded) {
            throw new IllegalStateException("No " + what + ": set " + variable + " (base64 of 32 random bytes or more, "
                    + "e.g. head -c 32 /dev/urandom | base64) or " + variable + "_FILE. " + purpose);
        }
        if (!StringUtils.hasText(dataDir)) {
            log.info("The {} is a throw-away one (embedded database without a data folder).", what);
            return random();
        }
        Path parent = Path.of(dataDir).toAbsolutePath().getParent();
        Path keyFile = parent.resolve(fileName);
        if (!Files.exists(keyFile)) {
            Files.createDirectories(parent);
            Files.writeString(keyFile, Base64.getEncoder().encodeToString(random()) + "\n");
            try {
                Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Not a POSIX file system: the folder's own permissions apply.
            }
            log.info("Generated the {} in {} (kept outside the database).", what, keyFile);
        }
        return decode(Files.readString(keyFile), keyFile.toString());
    }

    /** The key in a file or a variable: base64 text, 32 bytes or more once decoded. */
    public byte[] decode(String text, String where) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The " + what + " in " + where + " is not base64.");
        }
        if (bytes.length < MIN_BYTES) {
            throw new IllegalStateException("The " + what + " in " + where + " has " + bytes.length + " bytes; it needs "
                    + MIN_BYTES + " or more (for example: head -c 32 /dev/urandom | base64).");
        }
        return bytes;
    }

    private static byte[] random() {
        byte[] bytes = new byte[MIN_BYTES];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
